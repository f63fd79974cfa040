package import BearmonConfig
package import BearmonCore
package import BearmonMonitor
import BearmonWire
package import Hummingbird
import HummingbirdCore
import HummingbirdTLS
package import Logging
import NIOCore
import NIOSSL
package import ServiceLifecycle


/// What every cluster node's HTTP server has in common: signed requests, a body cap,
/// `/healthz`, and the node's listen address.
package enum NodeServer {
    /// The largest request body a node accepts.
    static let maxBodyBytes = 4 << 20

    /// A router that refuses unsigned, replayed, stale or oversized requests, with /healthz
    /// and monitor-srv's API: served from `monitor`, or answered 404 on a node without a
    /// store. That API is for services, which do not hold the cluster password, so signing
    /// leaves its paths to their own auth (see ``MonitorRoutes``); every other path stays signed.
    package static func router(config: NodeConfig, logger: Logger, monitor: PushMonitor? = nil, alerting: AlertingWatch? = nil) -> Router<NodeRequestContext> {
        let router = Router(context: NodeRequestContext.self)
        let open = MonitorRoutes.paths.union(["/healthz"])
        router.add(middleware: SignatureMiddleware(verifier: SignatureVerifier(password: config.password), maxBodyBytes: maxBodyBytes, open: open, logger: logger))
        NodeRoutes.health(router, node: config.node, alerting: alerting)
        if let monitor {
            MonitorRoutes.add(to: router, monitor: monitor)
        } else {
            MonitorRoutes.unavailable(on: router, reason: "this node has no store, so it takes no pushes and answers no queries; use a worker's address")
        }
        return router
    }

    /// A connection that sends nothing for this long is closed (a long poll is not idle: its
    /// request is being answered).
    static let idleTimeout = TimeAmount.seconds(60)

    /// The application serving `router` on the node's address, over TLS when `[default] cert`
    /// and `key` are set, running `services` beside it.
    package static func application(router: Router<NodeRequestContext>, config: NodeConfig, logger: Logger, services: [any Service],
                            onRunning: @escaping @Sendable () -> Void) throws -> some ApplicationProtocol {
        let http = HTTPServerBuilder.http1(configuration: .init(idleTimeout: idleTimeout))
        let server: HTTPServerBuilder
        if let tls = config.tls {
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(tls.certificate).map { NIOSSLCertificateSource.certificate($0) }
                let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
                server = try .tls(http, tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
            } catch {
                throw ConfigError(file: config.config.file, line: 0, reason: "cannot use [default] cert \(tls.certificate) and key \(tls.key): \(error)")
            }
        } else {
            server = http
        }
        return Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(config.listen.host, port: Int(config.listen.port)), serverName: "bearmon"),
            services: services,
            onServerRunning: { _ in onRunning() },
            logger: logger
        )
    }
}
