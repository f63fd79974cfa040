import BearmonSystem
import Logging

/// "Who monitors the monitoring service? The monitoring service." Every node with a store
/// pushes its own healthchecks into it at a fixed interval, as service `bearmon` with the
/// node's name as node id, so an operator can query them and alert on them with a
/// `healthcheck` check like on any service. A node that dies stops pushing: its entries go
/// stale after ``intervalSeconds`` and expire after ``ttlSeconds``.
public struct SelfMonitor: Sendable {
    /// The healthchecks' ids.
    public enum Name {
        /// OK while the node runs.
        public static let alive = "bearmon.node.alive"
        /// OK while a trivial store query works; ERROR with the error otherwise.
        public static let store = "bearmon.store.reachable"
        /// OK with module and type counts; ERROR naming refused plugin files.
        public static let plugins = "bearmon.plugins.loaded"
        /// On the active controller only: OK with its view number.
        public static let controller = "bearmon.controller.view"
        /// Pushed by the viewserver, which has no store, through a worker: OK while it runs.
        /// A name of its own, so that `bearmon.node.alive` still counts workers only.
        public static let viewserverAlive = "bearmon.viewserver.alive"
        /// Pushed by the viewserver: OK while a candidate holds the controller's view, ERROR
        /// while none does (no candidate answers its pings, so nothing is monitored).
        public static let clusterController = "bearmon.cluster.controller"
    }

    /// Seconds between pushes.
    public static let intervalSeconds: Int64 = 10
    /// Seconds a push is kept: a dead node's entries are gone this long after its last push.
    public static let ttlSeconds: Int64 = 30

    let node: String
    let address: HostPort
    let role: String
    let monitor: PushMonitor
    let host: PluginHost
    /// The view this node holds as the controller, if it is the active one.
    let heldView: @Sendable () async -> Int64?
    let started = monotonicMilliseconds()

    /// A self-monitor for node `node` (a `role`) serving on `address`.
    public init(node: String, address: HostPort, role: String, monitor: PushMonitor, host: PluginHost, heldView: @escaping @Sendable () async -> Int64?) {
        self.node = node
        self.address = address
        self.role = role
        self.monitor = monitor
        self.host = host
        self.heldView = heldView
    }

    /// Pushes every ``intervalSeconds`` until cancelled, and at once when this node takes or
    /// loses the controller's view, so that `bearmon.controller.view` follows a failover
    /// within a second rather than an interval. A failed push (most likely the store is down,
    /// which `bearmon.store.reachable` would have said) waits for the next interval.
    public func run() async {
        let loop = SelfPushLoop<Int64?>(subject: "this node's", retryMilliseconds: Self.intervalSeconds * 1_000,
                                        quietStartMilliseconds: 0, logger: monitor.logger)
        await loop.run(key: heldView) { view in try await pushOnce(view: view) }
    }

    /// Pushes this node's healthchecks once, straight into the store; `view` is the
    /// controller view this node holds, if any.
    public func pushOnce(view: Int64?) async throws {
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
        }
        return checks
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
