package import BearmonConfig
package import BearmonCore
package import BearmonMonitor
package import BearmonSystem
import BearmonWire
package import Hummingbird
import HummingbirdCore
import HummingbirdTLS
package import Logging
import NIOCore
import NIOSSL
package import ServiceLifecycle


/// The one HTTP server builder for every node kind (standalone, worker, viewserver). Its
/// routes fall in groups, each with its own guard, so a route's protection is where it is
/// registered rather than a list of exceptions:
///
/// - ``signed``: node-to-node routes (ping, exchange, a worker's `/v1/checks`, the view),
///   signed with the cluster password (``SignatureMiddleware``).
/// - ``open``: routes for anyone: `/healthz`, monitor-srv's queries, a standalone node's
///   `/v1/checks`.
/// - ``tokenGuarded(_:token:setting:)``: routes that need `Authorization: Bearer TOKEN`:
///   monitor-srv's pushes when `[push] token` is set, and the place for a REST API under
///   `/api/v1`.
///
/// Before any of them, on every path, a body is held to ``maxBodyBytes`` (``BodyLimitMiddleware``)
/// and every refusal answers `{"error": "..."}` (``NodeHTTPError``).
package struct NodeServer {
    /// The largest request body a node accepts, on every route (``RequestBodyLimit``).
    package static let maxBodyBytes = RequestBodyLimit.bytes

    /// A request body that sends nothing for this long is closed (a long poll is not idle: its
    /// request is being answered). Request heads have deadlines of their own (``ConnectionGuard``).
    static let idleTimeout = TimeAmount.seconds(60)

    /// The router the groups below belong to.
    package let router: Router<NodeRequestContext>
    /// Node-to-node routes: signed with the cluster password, or refused on a node without one.
    package let signed: RouterGroup<NodeRequestContext>
    /// Routes anyone may call.
    package let open: RouterGroup<NodeRequestContext>
    /// Routes for people and scripts under the one access rule (README, "Access"): the REST
    /// API under `/api/v1`, and the other surfaces that rule covers.
    package let guarded: RouterGroup<NodeRequestContext>
    private let listen: HostPort
    private let tls: NodeConfig.TLSFiles?
    /// The config file `tls` came from, named when the files cannot be used.
    private let configFile: String
    /// `[server]`: connection limits and timeouts (see ``ConnectionLimiter``, ``ConnectionGuard``).
    private let connections: ServerSettings
    private let logger: Logger

    /// A server on `listen`, signing with `password` (nil: a standalone node, which serves no
    /// node-to-node routes), over TLS with `tls` (from `configFile`), with `/healthz` and
    /// monitor-srv's API: served from `monitor`, or answered 404 on a node without a store.
    /// `recipients` are the names a signed request may address it by (besides `listen` and `node`).
    package init(listen: HostPort, node: String, password: String?, recipients: [String] = [], tls: NodeConfig.TLSFiles? = nil, configFile: String = "",
                 connections: ServerSettings = ServerSettings(), monitor: PushMonitor?, alerting: AlertingWatch?, logger: Logger) {
        self.listen = listen
        self.connections = connections
        self.tls = tls
        self.configFile = configFile
        self.logger = logger
        // Router middleware applies to routes added after it, and to paths no route serves.
        router = Router(context: NodeRequestContext.self)
        router.add(middleware: RefusalShapeMiddleware())
        router.add(middleware: BodyLimitMiddleware(logger: logger))
        let verifier = password.map { SignatureVerifier(password: $0, node: node, recipients: [listen.description, node] + recipients) }
        signed = router.group().add(middleware: SignatureMiddleware(verifier: verifier, logger: logger))
        open = router.group()
        guarded = router.group()
        NodeRoutes.health(open, node: node, alerting: alerting)
        if let monitor {
            MonitorRoutes.add(to: self, monitor: monitor)
        } else {
            MonitorRoutes.unavailable(on: open, reason: "this node has no store, so it takes no pushes and answers no queries; use a worker's address")
        }
    }

    /// A cluster node's server, as `config` describes it.
    package init(config: NodeConfig, monitor: PushMonitor? = nil, alerting: AlertingWatch? = nil, logger: Logger) {
        self.init(listen: config.listen, node: config.node, password: config.password, recipients: config.recipientNames, tls: config.tls, configFile: config.config.file,
                  connections: config.server, monitor: monitor, alerting: alerting, logger: logger)
    }

    /// Routes under `path` that need `Authorization: Bearer token`, where `setting` names the
    /// config key that holds it (for the refusal). A REST API for people and scripts goes here,
    /// under `/api/v1`, with a token of its own.
    package func tokenGuarded(_ path: RouterPath, token: String, setting: String, what: String = "this request") -> RouterGroup<NodeRequestContext> {
        router.group(path).add(middleware: BearerTokenMiddleware(token: token, what: what, setting: setting))
    }

    /// The application serving the routes on the node's address, over TLS when the node has
    /// `[default] cert` and `key`, running `services` beside it.
    package func application(services: [any Service], onRunning: @escaping @Sendable () -> Void) throws -> some ApplicationProtocol {
        let limits = Self.connectionLimits(connections, logger: logger)
        let limiter = ConnectionLimiter(settings: limits, logger: logger)
        let http = HTTPServerBuilder.http1(configuration: .init(
            additionalChannelHandlers: [ConnectionGuard(limiter: limiter, settings: limits)], idleTimeout: Self.idleTimeout
        ))
        let server: HTTPServerBuilder
        if let tls {
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(tls.certificate).map { NIOSSLCertificateSource.certificate($0) }
                let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
                server = try .tls(http, tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
            } catch {
                throw ConfigError(file: configFile, line: 0, reason: "cannot use [default] cert \(tls.certificate) and key \(tls.key): \(error)")
            }
        } else {
            server = http
        }
        return Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(listen.host, port: Int(listen.port)), serverName: "bearmon"),
            services: services,
            onServerRunning: { _ in onRunning() },
            logger: logger
        )
    }
}
