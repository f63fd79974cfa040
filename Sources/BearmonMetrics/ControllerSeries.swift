package import BearmonCore

/// What the acting controller knows, for `/metrics`: one snapshot per scrape. Only the node
/// that acts as the controller has one, so a cluster exports each check's series once.
package struct ControllerSeries: Sendable {
    /// One check's figures.
    package struct Check: Sendable {
        /// `checks.id`.
        package var id: Int64
        /// `checks.name`, as anyone with the catalog may have written it.
        package var name: String
        /// `checks.type`.
        package var type: String
        /// true online, false offline; nil while unknown (no result yet).
        package var up: Bool?
        /// The last result's run time, in seconds; nil before the first result.
        package var latencySeconds: Double?
        /// Flips this process has written for it.
        package var flips: UInt64
        /// Uptime ratio per window name ("24h", "7d", ...); windows with nothing monitored are left out.
        package var uptime: [(window: String, ratio: Double)]
        /// The last result's plugin metrics, as the plugin reported them.
        package var metrics: [Metric]

        /// A check's figures from their parts.
        package init(id: Int64, name: String, type: String, up: Bool?, latencySeconds: Double?, flips: UInt64,
                     uptime: [(window: String, ratio: Double)], metrics: [Metric]) {
            self.id = id
            self.name = name
            self.type = type
            self.up = up
            self.latencySeconds = latencySeconds
            self.flips = flips
            self.uptime = uptime
            self.metrics = metrics
        }
    }

    /// The view the controller holds.
    package var view: Int64
    /// Workers that exchanged with it recently.
    package var workersAlive: Int
    /// Outbox rows waiting to be sent; nil when the store could not say.
    package var outboxPending: Int64?
    /// Every check it runs.
    package var checks: [Check]

    /// A snapshot from its parts.
    package init(view: Int64, workersAlive: Int, outboxPending: Int64?, checks: [Check]) {
        self.view = view
        self.workersAlive = workersAlive
        self.outboxPending = outboxPending
        self.checks = checks
    }
}
