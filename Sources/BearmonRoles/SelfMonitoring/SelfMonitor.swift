package import BearmonCore
package import BearmonMonitor
package import BearmonPlugins
package import BearmonSystem
import Logging

/// "Who monitors the monitoring service? The monitoring service." Every node with a store
/// pushes its own healthchecks into it at a fixed interval, as service `bearmon` with the
/// node's name as node id, so an operator can query them and alert on them with a
/// `healthcheck` check like on any service. A node that dies stops pushing: its entries go
/// stale after ``intervalSeconds`` and expire after ``ttlSeconds``.
package struct SelfMonitor: Sendable {
    /// The healthchecks' ids.
    package enum Name {
        /// OK while the node runs.
        package static let alive = "bearmon.node.alive"
        /// OK while a trivial store query works; ERROR with the error otherwise.
        package static let store = "bearmon.store.reachable"
        /// OK with module and type counts; ERROR naming refused plugin files.
        package static let plugins = "bearmon.plugins.loaded"
        /// On the active controller only: OK with its view number.
        package static let controller = "bearmon.controller.view"
        /// On the active controller only: OK with the age of the oldest unwritten flip and of
        /// the oldest due notification; ERROR naming the check or contact when alerting is stuck.
        package static let alerting = "bearmon.alerting"
        /// Pushed by the viewserver, which has no store, through a worker: OK while it runs.
        /// A name of its own, so that `bearmon.node.alive` still counts workers only.
        package static let viewserverAlive = "bearmon.viewserver.alive"
        /// Pushed by the viewserver: OK while a candidate holds the controller's view, ERROR
        /// while none does (no candidate answers its pings, so nothing is monitored).
        package static let clusterController = "bearmon.cluster.controller"
    }

    /// Seconds between pushes.
    package static let intervalSeconds: Int64 = 10
    /// Seconds a push is kept: a dead node's entries are gone this long after its last push.
    package static let ttlSeconds: Int64 = 30

    let node: String
    let address: HostPort
    let role: String
    let monitor: PushMonitor
    let host: PluginHost
    /// The view this node holds as the controller, if it is the active one.
    let heldView: @Sendable () async -> Int64?
    /// Alerting's self-check, judged by this node's controller while it acts.
    let alerting: AlertingWatch
    let started = monotonicMilliseconds()

    /// What, when it changes, is pushed at once rather than at the next interval.
    struct Key: Equatable, Sendable {
        var view: Int64?
        var alertingOK: Bool?
    }

    /// A self-monitor for node `node` (a `role`) serving on `address`.
    package init(node: String, address: HostPort, role: String, monitor: PushMonitor, host: PluginHost, alerting: AlertingWatch,
                heldView: @escaping @Sendable () async -> Int64?) {
        self.node = node
        self.address = address
        self.role = role
        self.monitor = monitor
        self.host = host
        self.alerting = alerting
        self.heldView = heldView
    }

    /// Pushes every ``intervalSeconds`` until cancelled, and at once when this node takes or
    /// loses the controller's view or alerting's verdict changes, so that
    /// `bearmon.controller.view` follows a failover and `bearmon.alerting` a stuck alert path
    /// within a second rather than an interval. A failed push (most likely the store is down,
    /// which `bearmon.store.reachable` would have said) waits for the next interval.
    package func run() async {
        let loop = SelfPushLoop<Key>(subject: "this node's", retry: .seconds(Self.intervalSeconds),
                                     quietStart: .zero, logger: monitor.logger)
        let alerting = self.alerting, heldView = self.heldView
        await loop.run(key: { Key(view: await heldView(), alertingOK: alerting.health?.isOK) }) { key in try await pushOnce(view: key.view) }
    }

    /// Pushes this node's healthchecks once, straight into the store; `view` is the
    /// controller view this node holds, if any.
    package func pushOnce(view: Int64?) async throws {
        let store = monitor.store
        let storeError: String?
        do {
            _ = try await monitor.storeQueue.run { try store.view() }
            storeError = nil
        } catch {
            storeError = "\(error)"
        }
        let intake = PushIntake(settings: monitor.settings, receivedAt: wallMilliseconds())
        for check in healthChecks(storeError: storeError, view: view) {
            try await monitor.save(try intake.row(healthCheck: check))
        }
    }

    /// This node's healthchecks as they stand.
    func healthChecks(storeError: String?, view: Int64?) -> [MonitorHealthCheck] {
        var checks = [
            check(Name.alive, "the bearmon node is running", results: ["role": role, "uptime": "\((monotonicMilliseconds() - started) / 1_000)s"]),
            check(Name.store, "a trivial query on bearmon's store works", results: ["store": monitor.store.location], error: storeError),
            pluginsCheck(),
        ]
        if let view {
            checks.append(check(Name.controller, "this node is the active controller", results: ["view": String(view)]))
            if let health = alerting.health { checks.append(alertingCheck(health)) }
        }
        return checks
    }

    private func alertingCheck(_ health: AlertingHealth) -> MonitorHealthCheck {
        let results = [
            "oldestUnwrittenFlip": health.oldestUnwrittenFlipMs.map { "\($0)ms" } ?? "none",
            "oldestDueNotification": health.oldestDueNotificationMs.map { "\($0)ms" } ?? "none",
            "heldChecks": health.heldChecks.map(String.init).joined(separator: ","),
        ]
        return check(Name.alerting, "decided flips are written and due notifications go out", results: results,
                     error: health.isOK ? nil : health.summary)
    }

    private func pluginsCheck() -> MonitorHealthCheck {
        let registry = host.registry
        let types = registry.types
        let refusals = registry.refusals
        let results = [
            "modules": String(registry.modules.count),
            "checkTypes": String(types.filter { $0.kind == .check }.count),
            "contactTypes": String(types.filter { $0.kind == .contact }.count),
            "refused": String(refusals.count),
        ]
        let error = refusals.isEmpty ? nil : "refused: " + refusals.map { "\($0.file) (\($0.reason))" }.joined(separator: "; ")
        return check(Name.plugins, "every plugin file in the plugins directory loaded", results: results, error: error)
    }

    private func check(_ id: String, _ description: String, results: [String: String], error: String? = nil) -> MonitorHealthCheck {
        Self.healthCheck(id, description, node: node, address: address, results: results, error: error)
    }

    /// One of a node's own healthchecks, as service `bearmon` with `node` as node id: OK, or
    /// ERROR with `error`; stale after ``intervalSeconds``, gone after ``ttlSeconds``.
    static func healthCheck(_ id: String, _ description: String, node: String, address: HostPort, results: [String: String],
                            error: String? = nil) -> MonitorHealthCheck {
        MonitorHealthCheck(
            id: id, description: description, timestamp: Double(wallMilliseconds()) / 1_000,
            interval: intervalSeconds, ttl: ttlSeconds,
            service: MonitorService(name: "bearmon", version: BearmonVersion.current,
                                    nodes: [MonitorNode(id: node, address: address.host, port: Int64(address.port))]),
            status: error == nil ? MonitorHealthCheck.ok : MonitorHealthCheck.error, results: results, error: error
        )
    }
}
