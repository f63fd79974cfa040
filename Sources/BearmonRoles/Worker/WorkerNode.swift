import BearmonAPI
package import BearmonConfig
import BearmonManagement
import BearmonMetrics
package import BearmonMonitor
package import BearmonPlugins
import BearmonServer
import BearmonWeb
package import BearmonStore
import BearmonSystem
import BearmonWire
package import Logging
import ServiceLifecycle


/// A cluster worker: a worker pool that runs whatever the active controller assigns, and a
/// controller candidate that acts as the controller while the viewserver grants it the view.
/// Everything is served on the node's `[controller] addr`, monitor-srv's API included: pushes
/// go into the shared store, so any worker can take them.
package struct WorkerNode: Sendable {
    let config: NodeConfig
    let viewserver: String
    let store: any Store
    let host: PluginHost
    let threads: Int
    let settings: ControllerSettings
    let push: PushSettings
    let logger: Logger

    /// Describes a node; nothing runs until `run()`.
    package init(config: NodeConfig, viewserver: String, store: any Store, host: PluginHost, threads: Int, settings: ControllerSettings,
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
    package func run() async throws {
        var settings = self.settings
        settings.flipWriteDelay = NodeHooks.current.flipWriteDelay
        if let window = NodeHooks.current.budgetWindow { settings.budget.windowMilliseconds = window.inMilliseconds }
        if let poll = NodeHooks.current.longPoll { settings.longPoll = poll }
        let controller = Controller(settings: settings, store: store, host: host, logger: logger)
        let candidate = ControllerCandidate(node: config.node, address: config.advertised.description, controller: controller, store: store, logger: logger)
        await candidate.learnStoredView()
        let client = NodeClient(node: config.node, password: config.password, tls: config.tls)
        let link = RemoteControllerLink(client: client, viewserver: viewserver, logger: logger)
        let runtime = await NodeRuntime(node: config.node, address: config.advertised, role: "worker", controller: controller, store: store,
                                        host: host, threads: threads, push: push, logger: logger, link: link) { await candidate.heldView }
        let rescan = host.loader.rescanOnHangup()
        defer { rescan.cancel() }

        let server = NodeServer(config: config, monitor: runtime.monitor, alerting: controller.alerting, tokens: runtime.tokens, logger: logger)
        WorkerRoutes.add(to: server.signed, candidate: candidate, controller: controller, config: config, logger: logger)
        APIRoutes.add(to: server.guarded, catalog: runtime.catalog)
        UptimeRoutes.add(to: server.open, service: UptimeService(store: runtime.catalog.store, days: settings.days), access: server.access)
        let pages = WebPages(catalog: runtime.catalog, days: settings.days, settings: try StatusPageSettings.from(config.config))
        WebRoutes.add(guarded: server.pages, open: server.open, pages: pages, secure: config.tls != nil) { [rounds = runtime.rounds] ids in await rounds.rounds(ids) }
        WebRoutes.addAckLinks(open: server.open, pages: pages, links: runtime.links)
        MetricsRoutes.add(to: server, settings: config.metrics, metrics: runtime.metrics, controller: runtime.controllerMetrics.series)
        let openReads = server.access.openReads
        let app = try server.application(services: runtime.services([
            ServiceLoop(description: "lease") { await candidate.watchLease() },
        ])) { [logger, config, viewserver] in
            logger.notice("bearmon worker \(config.node) serving on \(config.listen), viewserver \(viewserver)")
            logger.notice("\(AccessNotice.text(openReads: openReads))")
        }
        try await app.runService()
    }
}
