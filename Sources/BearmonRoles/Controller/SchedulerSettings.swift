/// The knobs of the controller's state machine.
package struct SchedulerSettings: Sendable {
    /// Distinct workers that must agree before a round counts (`[controller] confirmations`).
    package var confirmations: Int
    /// Consecutive `fail` results after which a check is shown as misconfigured.
    package var failLimit: Int = 3
    /// Added to a type's maximum run time before an unanswered lock expires.
    package var lockMargin: Duration = .seconds(5)
    /// A worker that has not asked for work for this long is considered dead.
    package var workerTimeout: Duration = .seconds(30)

    /// Settings with `confirmations` and default timings.
    package init(confirmations: Int) { self.confirmations = max(1, confirmations) }
}
