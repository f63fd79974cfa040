import BearmonAPI
package import BearmonConfig
import BearmonCore
import BearmonManagement
import BearmonMetrics
package import BearmonMonitor
package import BearmonPlugins
import BearmonServer
import BearmonWeb
package import BearmonStore
package import BearmonSystem
package import Logging
import ServiceLifecycle


/// All three roles in one process on an embedded store: the controller, its outbox sender,
/// and a worker pool that talks to the controller in process through the same
/// ``ControllerLink`` remote workers use. It serves `/healthz`, `/v1/checks` and monitor-srv's
/// API on `address`, under the access rule (see ``NodeServer``), reaps pushes and pushes its own health.
package struct StandaloneNode: Sendable {
    /// Where the HTTP server listens.
    package let address: HostPort
    /// This node's name.
    package let node: String
    /// The store.
    package let store: any Store
    /// The plugins.
    package let host: PluginHost
    /// Worker slots.
    package let threads: Int
    /// The controller's knobs.
    package let settings: ControllerSettings
    /// `[push]`: how monitor-srv's API takes pushes.
    package let push: PushSettings
    /// `[server]`: connection limits and timeouts.
    package let server: ServerSettings
    /// `[api]`: whether reads need a token.
    package let api: APISettings
    /// `[status]`: the status page's title, footer and whether it shows messages.
    package let status: StatusPageSettings
    /// `[metrics]`: whether `/metrics` is open to anyone.
    package let metrics: MetricsSettings
    let logger: Logger

    /// Describes a node; nothing runs until `run()`.
    package init(address: HostPort, node: String, store: any Store, host: PluginHost, threads: Int, settings: ControllerSettings,
                push: PushSettings = PushSettings(), server: ServerSettings = ServerSettings(), api: APISettings = APISettings(),
                status: StatusPageSettings = StatusPageSettings(), metrics: MetricsSettings = MetricsSettings(), logger: Logger) {
        self.address = address
        self.node = node
        self.store = store
        self.host = host
        self.threads = threads
        self.settings = settings
        self.push = push
        self.server = server
        self.api = api
        self.status = status
        self.metrics = metrics
        self.logger = logger
    }

    /// Takes the next view, starts every role and serves until SIGTERM or SIGINT. In-flight
    /// checks are abandoned on the way out; the outbox keeps its state in the store.
    package func run() async throws {
        var settings = self.settings
        settings.flipWriteDelay = NodeHooks.current.flipWriteDelay
        if let window = NodeHooks.current.budgetWindow { settings.budget.windowMilliseconds = window.inMilliseconds }
        let controller = Controller(settings: settings, store: store, host: host, logger: logger)
        let view = try takeView()
        try await controller.takeView(view)
        let runtime = await NodeRuntime(node: node, address: address, role: "standalone", controller: controller, store: store, host: host,
                                        threads: threads, push: push, logger: logger, link: controller) { await controller.currentView }
        let rescan = host.loader.rescanOnHangup()
        defer { rescan.cancel() }

        // No cluster password and no TLS: a standalone node serves no signed routes; its
        // /v1/checks is under the access rule (`bearmon status --addr` reads it with no token
        // while reads are open, and with BEARMON_TOKEN otherwise).
        let openReads = api.readsAreOpen(listen: address)
        let server = NodeServer(listen: address, node: node, password: nil, connections: server, monitor: runtime.monitor, alerting: controller.alerting,
                                tokens: runtime.tokens, openReads: openReads, logger: logger)
        NodeRoutes.checks(server.guarded) { [address] in try await controller.status(address: address.description) }
        APIRoutes.add(to: server.guarded, catalog: runtime.catalog)
        UptimeRoutes.add(to: server.open, service: UptimeService(store: runtime.catalog.store, days: settings.days), access: server.access)
        let pages = WebPages(catalog: runtime.catalog, days: settings.days, settings: status)
        WebRoutes.add(guarded: server.pages, open: server.open, pages: pages, secure: false) { [rounds = runtime.rounds] ids in
            await rounds.rounds(ids)
        }
        WebRoutes.addAckLinks(open: server.open, pages: pages, links: runtime.links)
        MetricsRoutes.add(to: server, settings: metrics, metrics: runtime.metrics, controller: runtime.controllerMetrics.series)
        let app = try server.application(services: runtime.services()) { [logger, address, view, store] in
            logger.notice("bearmon standalone serving on http://\(address) (view \(view), store \(store.location))")
            logger.notice("\(AccessNotice.text(openReads: openReads))")
        }
        try await app.runService()
        logger.notice("bearmon standalone stopped")
    }

    /// Raises the database's view past whatever an earlier run held, so that this process's
    /// writes are fenced exactly as a cluster controller's are.
    private func takeView() throws -> Int64 {
        for _ in 0..<10 {
            let current = try store.view().number
            guard current < WireRange.view.upperBound else {
                throw StoreError.invalid(
                    "controller_view.number is \(current), past the largest view (\(WireRange.view.upperBound)); only a hand-written row gets there: set it back with `UPDATE controller_view SET number = 1 WHERE id = 1` while no node runs")
            }
            let next = current + 1
            if try store.raiseView(to: next, holder: node) { return next }
        }
        throw StoreError.invalid("could not take a controller view: another process keeps raising it")
    }
}
