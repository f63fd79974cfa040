import BearmonSystem
import Hummingbird
import Logging
import ServiceLifecycle

/// A cluster worker: a worker pool that runs whatever the active controller assigns, and a
/// controller candidate that acts as the controller while the viewserver grants it the view.
/// Everything is served on the node's `[controller] addr`, monitor-srv's API included: pushes
/// go into the shared store, so any worker can take them.
public struct WorkerNode: Sendable {
    let config: NodeConfig
    let viewserver: String
    let store: any Store
    let host: PluginHost
    let threads: Int
    let settings: ControllerSettings
    let push: PushSettings
    let logger: Logger

    /// Describes a node; nothing runs until `run()`.
    public init(config: NodeConfig, viewserver: String, store: any Store, host: PluginHost, threads: Int, settings: ControllerSettings,
                push: PushSettings = PushSettings(), logger: Logger) {
        self.config = config
        self.viewserver = viewserver
        self.store = store
        self.host = host
        self.threads = threads
        self.settings = settings
        self.push = push
        self.logger = logger
    }

    /// Serves until SIGTERM or SIGINT.
    public func run() async throws {
        let controller = Controller(settings: settings, store: store, host: host, logger: logger)
        let candidate = ControllerCandidate(node: config.node, address: config.advertised.description, controller: controller, store: store, logger: logger)
        await candidate.learnStoredView()
        let sender = OutboxSender(store: store, host: host, logger: logger) { await candidate.heldView }
        await controller.setFlipObserver { sender.wake() }
        let client = NodeClient(node: config.node, password: config.password, tls: config.tls)
        let link = RemoteControllerLink(client: client, viewserver: viewserver, logger: logger)
        let pool = WorkerPool(node: config.node, host: host, link: link, capacity: threads, logger: logger)
        let monitor = PushMonitor(store: store, settings: push, logger: logger)
        let selfMonitor = SelfMonitor(node: config.node, address: config.advertised, role: "worker", monitor: monitor, host: host) { await candidate.heldView }
        let rescan = host.loader.rescanOnHangup()
        defer { rescan.cancel() }

        let router = NodeServer.router(config: config, logger: logger, monitor: monitor)
        WorkerRoutes.add(to: router, candidate: candidate, controller: controller, config: config, logger: logger)
        let app = try NodeServer.application(router: router, config: config, logger: logger, services: [
            ServiceLoop(description: "controller") { await controller.run() },
            ServiceLoop(description: "lease") { await candidate.watchLease() },
            ServiceLoop(description: "outbox") { await sender.run() },
            ServiceLoop(description: "workers") { await pool.run() },
            ServiceLoop(description: "push reaper") { await monitor.runReaper() },
            ServiceLoop(description: "self-monitor") { await selfMonitor.run() },
        ]) { [logger, config, viewserver] in
            logger.notice("bearmon worker \(config.node) serving on \(config.listen), viewserver \(viewserver)")
        }
        try await app.runService()
    }
}
