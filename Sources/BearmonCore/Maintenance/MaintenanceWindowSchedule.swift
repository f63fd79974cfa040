/// When maintenance is on, whatever the kind of window: the questions the notification
/// path asks. All instants are unix milliseconds; implementations are pure (no clock, no I/O)
/// and never trap, whatever instant they are given.
package protocol MaintenanceWindowSchedule: Sendable {
    /// Whether maintenance is on at `instant`; true exactly when `window(covering:)` is non-nil.
    func covers(_ instant: Int64) -> Bool
    /// The window [start, end) with start <= `instant` < end, or nil when none covers it.
    func window(covering instant: Int64) -> OneOffWindow?
    /// The earliest window start at or after `instant` (inclusive), or nil when there is none
    /// (or none the schedule can find within its documented horizon).
    func nextStart(after instant: Int64) -> Int64?
}
