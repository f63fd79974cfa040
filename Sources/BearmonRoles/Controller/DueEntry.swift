/// When a check next needs attention. Entries go stale when a check is rescheduled; the
/// generation tells the scheduler to skip those.
struct DueEntry: Comparable, Sendable {
    let time: Int64
    let checkID: Int64
    let generation: UInt64

    static func < (lhs: DueEntry, rhs: DueEntry) -> Bool { lhs.time < rhs.time }
    static func == (lhs: DueEntry, rhs: DueEntry) -> Bool { lhs.time == rhs.time && lhs.checkID == rhs.checkID && lhs.generation == rhs.generation }
}
