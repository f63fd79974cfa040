/// A maintenance schedule that cannot be used: a malformed or never-firing cron expression,
/// an unknown time zone, a duration out of bounds, or a window that ends before it starts.
/// `reason` names the offending part and says how to fix it.
package struct MaintenanceScheduleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong and how to fix it, as one sentence for an operator.
    package let reason: String

    /// Creates an error with `reason`.
    package init(_ reason: String) { self.reason = reason }

    /// The reason.
    package var description: String { reason }
}
