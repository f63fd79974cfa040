import BearmonManagement
import BearmonMetrics
import BearmonMonitor
import BearmonPlugins
import BearmonServer
import BearmonStore
import BearmonSystem
import Logging

/// What every node with a store runs: the controller, its notifier, the worker pool, and the
/// push monitor with its self-monitoring. Standalone and cluster workers differ only in where
/// the view comes from (taken at start, or leased from the viewserver) and in how the worker
/// pool reaches the controller (in process, or across the network).
struct NodeRuntime {
    let controller: Controller
    let sender: OutboxSender
    let pool: WorkerPool
    let monitor: PushMonitor
    let selfMonitor: SelfMonitor
    /// API tokens for the access rule, on a store connection of their own.
    let tokens: TokenBook
    /// What the REST API serves, on the tokens' connection: management traffic never queues
    /// with the controller's flip writes.
    let catalog: LocalCatalog
    /// Round state for pages: this node's controller, or the cluster's over the wire.
    let rounds: RoundReader
    /// Signs and checks acknowledge links (the sender makes them, the `/ack` page checks them).
    let links: AckLinks
    /// This node's `/metrics` series and counters.
    let metrics: NodeMetrics
    /// The acting controller's per-check series for `/metrics`.
    let controllerMetrics: ControllerMetrics

    /// Wires the parts around `controller`; `view` says which view this node acts under now.
    init(node: String, address: HostPort, role: String, controller: Controller, store: any Store, host: PluginHost, threads: Int,
         push: PushSettings, logger: Logger, link: any ControllerLink, view: @escaping @Sendable () async -> Int64?) async {
        self.controller = controller
        let metrics = NodeMetrics(node: node, role: role)
        self.metrics = metrics
        controllerMetrics = ControllerMetrics(controller: controller, store: Self.laneStore(store, for: "metrics' uptime ratios", logger: logger),
                                              days: controller.settings.days, logger: logger)
        var policy = RetryPolicy()
        policy.fallbackAfter = controller.settings.fallbackAfter
        let links = AckLinks(store: store, publicURL: controller.settings.publicURL)
        self.links = links
        let sender = OutboxSender(store: store, host: host, policy: policy, logger: logger, hold: NodeHooks.current.holdOutbox, metrics: metrics, links: links, view: view)
        await controller.setFlipObserver { sender.wake() }
        self.sender = sender
        pool = WorkerPool(node: node, host: host, link: link, capacity: threads, logger: logger)
        monitor = PushMonitor(store: Self.laneStore(store, for: "the push API", logger: logger), settings: Self.laneSettings(push), logger: logger,
                              holdLane: NodeHooks.current.holdPushLane)
        let management = Self.laneStore(store, for: "API tokens and the REST API", logger: logger)
        tokens = TokenBook(store: management, logger: logger)
        catalog = LocalCatalog(store: management, host: host)
        rounds = RoundReader(local: controller, remote: link)
        selfMonitor = SelfMonitor(node: node, address: address, role: role, monitor: monitor, host: host, alerting: controller.alerting, heldView: view)
    }

    /// A connection of its own to `store` (for the push lane, and for tokens and the REST API);
    /// the shared one only when another cannot be opened (then they still work, though they
    /// queue with the controller's statements). `purpose` names the user in the warning.
    private static func laneStore(_ store: any Store, for purpose: String, logger: Logger) -> any Store {
        guard let sql = store as? SQLStore else { return store }
        do {
            return try sql.anotherConnection(logger: logger)
        } catch {
            logger.warning("cannot open a store connection of its own for \(purpose), sharing the controller's: \(error)")
            return store
        }
    }

    private static func laneSettings(_ push: PushSettings) -> PushSettings {
        var push = push
        if let capacity = NodeHooks.current.pushLaneCapacity { push.laneCapacity = capacity }
        return push
    }

    /// The long-lived loops, with `extra` after the controller's (they stop in reverse order).
    func services(_ extra: [ServiceLoop] = []) -> [ServiceLoop] {
        let controller = self.controller, sender = self.sender, pool = self.pool, monitor = self.monitor, selfMonitor = self.selfMonitor
        let controllerMetrics = self.controllerMetrics
        return [ServiceLoop(description: "controller") { await controller.run() }] + extra + [
            ServiceLoop(description: "outbox") { await sender.run() },
            ServiceLoop(description: "workers") { await pool.run() },
            ServiceLoop(description: "push reaper") { await monitor.runReaper() },
            ServiceLoop(description: "self-monitor") { await selfMonitor.run() },
            ServiceLoop(description: "metrics") { await controllerMetrics.run() },
        ]
    }
}
