/// A maintenance window that happens once: [start, end) in unix milliseconds.
///
/// Contract: `end` is after `start`; the window covers `start` and not `end`.
package struct OneOffWindow: MaintenanceWindowSchedule, Sendable, Equatable {
    /// When it opens, unix ms (covered).
    package let start: Int64
    /// When it closes, unix ms (not covered).
    package let end: Int64

    /// The window [`start`, `end`); refuses one that does not end after it starts.
    package init(start: Int64, end: Int64) throws(MaintenanceScheduleError) {
        guard end > start else {
            throw MaintenanceScheduleError("maintenance window ends (\(end) ms) before or when it starts (\(start) ms); give an end after the start")
        }
        self.init(uncheckedStart: start, end: end)
    }

    /// For callers that already know `end > start`.
    init(uncheckedStart start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// Whether `start <= instant < end`.
    package func covers(_ instant: Int64) -> Bool { start <= instant && instant < end }

    /// Itself when it covers `instant`, else nil.
    package func window(covering instant: Int64) -> OneOffWindow? { covers(instant) ? self : nil }

    /// `start` when it is at or after `instant`, else nil.
    package func nextStart(after instant: Int64) -> Int64? { start >= instant ? start : nil }
}
