package import BearmonCore

/// One outage of a check, from the flip that took it offline to the one that brought it back:
/// it starts at the first failing result of the round that led to the offline flip and ends
/// at the first passing result of the round that led to the online flip (their `beganAt`;
/// the flip's time for flips written before it was kept).
package struct Incident: Sendable, Equatable {
    /// The check.
    package let checkID: Int64
    /// The offline flip.
    package let down: FlipHistoryRow
    /// The online flip that ended it; nil while it goes on.
    package let up: FlipHistoryRow?

    /// When it began, unix ms. A streak begins before its flip; a stored row claiming
    /// otherwise is read as beginning at the flip.
    package var start: Int64 { min(down.beganAt ?? down.time, down.time) }
    /// When it ended, unix ms; nil while it goes on.
    package var end: Int64? { up.map { min($0.beganAt ?? $0.time, $0.time) } }
    /// How long it lasted, or has lasted by `now`, in ms: never negative, and saturating,
    /// since stored times can be any 64-bit number.
    package func duration(now: Int64) -> Int64 { max(0, (end ?? now).saturatingSubtracting(start)) }
    /// The flips' ids, for their notifications.
    package var flipIDs: [String] { [down.flipID] + (up.map { [$0.flipID] } ?? []) }

    /// A check's incidents in `flips` (any order; several checks may be mixed), newest first.
    package static func pair(_ flips: [FlipHistoryRow]) -> [Incident] {
        var incidents: [Incident] = []
        for (checkID, own) in Dictionary(grouping: flips, by: \.checkID) {
            let ordered = own.sorted { ($0.time, $0.flipID) < ($1.time, $1.flipID) }
            var open: FlipHistoryRow?
            for flip in ordered {
                if flip.status == .offline {
                    if open == nil { open = flip }
                } else if let down = open {
                    incidents.append(Incident(checkID: checkID, down: down, up: flip))
                    open = nil
                }
            }
            if let down = open { incidents.append(Incident(checkID: checkID, down: down, up: nil)) }
        }
        return incidents.sorted { ($0.start, $0.down.flipID) > ($1.start, $1.down.flipID) }
    }
}
