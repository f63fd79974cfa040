import Foundation

/// Local wall-clock time in one time zone, as milliseconds counted like unix time but on the
/// local clock ("local ms"), and the way back to instants under the maintenance rules: a local
/// time a DST change skips has no instant; one it repeats gets its first instant.
struct ZoneClock: Sendable {
    /// Milliseconds in a day.
    static let dayMs: Int64 = 86_400_000
    /// No zone is further than this from UTC (Foundation allows ±18 hours).
    static let widestOffsetMs: Int64 = 18 * 3_600_000

    /// The zone; nil for UTC, whose offset is always 0: the default calendar cuts each result's
    /// day without asking Foundation (which asks ICU, even for UTC) for an offset.
    let zone: TimeZone?

    /// The clock of `zone`.
    init(zone: TimeZone) { self.zone = zone }

    private init() { zone = nil }

    /// UTC's clock.
    static let utc = ZoneClock()

    /// The zone's offset from UTC at `instant` (unix ms), in ms.
    func offsetMs(at instant: Int64) -> Int64 {
        guard let zone else { return 0 }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1_000))) * 1_000
    }

    /// The local ms of `instant`, saturating: a stored instant can be any 64-bit number.
    func local(_ instant: Int64) -> Int64 { instant.saturatingAdding(offsetMs(at: instant)) }

    /// The offsets in force around local day `dayNumber` (from the day before to the day after),
    /// distinct; one element on a day with no change nearby.
    func offsets(aroundLocalDay dayNumber: Int64) -> [Int64] {
        var found: [Int64] = []
        for day in (dayNumber - 1)...(dayNumber + 2) {
            let offset = offsetMs(at: day * Self.dayMs)
            if !found.contains(offset) { found.append(offset) }
        }
        return found
    }

    /// The first instant whose local time is `localMs`, or nil when a change skips it; `offsets`
    /// comes from `offsets(aroundLocalDay:)` for its day.
    func firstInstant(ofLocal localMs: Int64, offsets: [Int64]) -> Int64? {
        if offsets.count == 1 { return localMs - offsets[0] }
        var first: Int64?
        for offset in offsets {
            let instant = localMs - offset
            if offsetMs(at: instant) == offset, first.map({ instant < $0 }) ?? true { first = instant }
        }
        return first
    }
}
