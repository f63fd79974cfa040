/// Points where bearmon's own crash, fence and self-check tests hold a running node back.
/// Production never sets them: only the test-only `bearmon-testnode` executable runs its
/// commands inside ``NodeHooks/$current`` with hooks set, and every node reads them once,
/// when it is built. A type, not environment variables read by the daemon, so that the shipped
/// binary has no switch that silently stops notifications.
package struct NodeHooks: Sendable {
    /// Each run of the controller's flip writer waits this long first, so that a test can move
    /// the fence, or watch alerting's self-check, while a decided flip is unwritten.
    package var flipWriteDelay: Duration?
    /// The outbox sender claims nothing, so that a test can kill the process between a
    /// flip's transaction and its notifications.
    package var holdOutbox = false
    /// The push lane's queue takes this many requests (instead of ``PushSettings/laneCapacity``).
    package var pushLaneCapacity: Int?
    /// The push lane queues pushes but writes none, so that a test can fill its queue.
    package var holdPushLane = false

    /// The rolling window of `maxPerHour` budgets (instead of an hour), so that a test can
    /// watch a budget fill and free up.
    package var budgetWindow: Duration?
    /// How often `/metrics`' uptime ratios are computed (instead of every minute), so that a
    /// test sees them soon after the first results.
    package var metricsRefresh: Duration?
    /// How long a worker's ask for work waits at the controller (instead of 20 s), so that a
    /// test can show that a stopping node does not wait out the long polls in flight.
    package var longPoll: Duration?

    /// No hooks: what every production node runs with.
    package init(flipWriteDelay: Duration? = nil, holdOutbox: Bool = false, pushLaneCapacity: Int? = nil, holdPushLane: Bool = false,
                 budgetWindow: Duration? = nil, metricsRefresh: Duration? = nil, longPoll: Duration? = nil) {
        self.longPoll = longPoll
        self.budgetWindow = budgetWindow
        self.metricsRefresh = metricsRefresh
        self.flipWriteDelay = flipWriteDelay
        self.holdOutbox = holdOutbox
        self.pushLaneCapacity = pushLaneCapacity
        self.holdPushLane = holdPushLane
    }

    /// The hooks of the node being started in this task.
    @TaskLocal package static var current = NodeHooks()
}
