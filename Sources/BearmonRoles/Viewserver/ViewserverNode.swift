import BearmonAPI
import BearmonMetrics
package import BearmonConfig
import BearmonMonitor
import BearmonServer
import BearmonWeb
import BearmonWire
import Hummingbird
package import Logging

/// The viewserver process: the ``Viewserver`` and its signed endpoint, `GET /v1/view`.
package struct ViewserverNode: Sendable {
    let config: NodeConfig
    let settings: ViewserverSettings
    let logger: Logger

    /// Describes a viewserver; nothing runs until `run()`.
    package init(config: NodeConfig, settings: ViewserverSettings, logger: Logger) {
        self.config = config
        self.settings = settings
        self.logger = logger
    }

    /// Serves until SIGTERM or SIGINT.
    package func run() async throws {
        let candidates = settings.candidates
        let client = NodeClient(node: config.node, password: config.password, tls: config.tls)
        let viewserver = Viewserver(candidates: candidates, client: client, settings: settings.lease, logger: logger)
        let server = NodeServer(config: config, logger: logger)
        server.signed.get("v1/view") { _, _ in try WireJSON.response(await viewserver.currentView) }
        MetricsRoutes.add(to: server, settings: config.metrics, metrics: NodeMetrics(node: config.node, role: "viewserver"))
        APIRoutes.unavailable(on: server.open, reason: "the viewserver has no store, so it serves no REST API; use a worker's address (its [controller] addr)")
        WebRoutes.unavailable(on: server.open, reason: "the viewserver has no store, so it serves no pages; use a worker's address (its [controller] addr)")
        // [push] is read (and checked) here too, as config files are often shared; the
        // viewserver's own pushes are signed, so it needs no [push] token.
        _ = try PushSettings.from(config.config)
        let selfPush = ViewserverSelfPush(node: config.node, address: config.advertised, candidates: candidates, viewserver: viewserver,
                                          client: client, logger: logger)
        let app = try server.application(services: [
            ServiceLoop(description: "viewserver") { await viewserver.run() },
            ServiceLoop(description: "viewserver self-monitoring") { await selfPush.run() },
        ]) { [logger, config, candidates] in
            logger.notice("bearmon viewserver serving on \(config.listen) for \(candidates.count) candidate(s)")
        }
        try await app.runService()
    }
}
