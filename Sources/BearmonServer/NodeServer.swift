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
/// - ``open``: routes for anyone: `/healthz`, `/login` and `/logout`.
/// - ``guarded``: routes for people and services under the one access rule
///   (``AccessPolicy``): the REST API under `/api/v1`, monitor-srv's queries, a standalone
///   node's `/v1/checks`; and monitor-srv's pushes (``pushGuarded(token:)``).
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
    /// Web pages under the same rule as ``guarded``, except that a reader without a token or
    /// session is sent to `/login` (and back after signing in) rather than answered 401.
    package let pages: RouterGroup<NodeRequestContext>
    /// The access rule ``guarded`` enforces.
    package let access: AccessPolicy
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
    /// ``guarded`` looks tokens up in `tokens` (nil on a node without a store: it refuses them
    /// all) and lets reads through without one when `openReads`.
    package init(listen: HostPort, node: String, password: String?, recipients: [String] = [], tls: NodeConfig.TLSFiles? = nil, configFile: String = "",
                 connections: ServerSettings = ServerSettings(), monitor: PushMonitor?, alerting: AlertingWatch?,
                 tokens: (any AccessTokens)? = nil, openReads: Bool = false, logger: Logger) {
        self.listen = listen
        self.connections = connections
        self.tls = tls
        self.configFile = configFile
        self.logger = logger
        // Router middleware applies to routes added after it, and to paths no route serves.
        // HEAD is answered wherever GET is (the access rule counts both as reads).
        router = Router(context: NodeRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RefusalShapeMiddleware())
        router.add(middleware: BodyLimitMiddleware(logger: logger))
        let verifier = password.map { SignatureVerifier(password: $0, node: node, recipients: [listen.description, node] + recipients) }
        signed = router.group().add(middleware: SignatureMiddleware(verifier: verifier, logger: logger))
        open = router.group()
        access = AccessPolicy(tokens: tokens, openReads: openReads, secure: tls != nil, logger: logger)
        guarded = router.group().add(middleware: AccessMiddleware(policy: access))
        pages = router.group().add(middleware: AccessMiddleware(policy: access, signsIn: true))
        NodeRoutes.health(open, node: node, alerting: alerting)
        AccessRoutes.add(to: open, policy: access)
        if let monitor {
            MonitorRoutes.add(to: self, monitor: monitor)
        } else {
            MonitorRoutes.unavailable(on: open, reason: "this node has no store, so it takes no pushes and answers no queries; use a worker's address")
        }
    }

    /// A cluster node's server, as `config` describes it.
    /// `tokens` as for the other initialiser; reads are open as `[api] openReads` says.
    package init(config: NodeConfig, monitor: PushMonitor? = nil, alerting: AlertingWatch? = nil, tokens: (any AccessTokens)? = nil, logger: Logger) {
        self.init(listen: config.listen, node: config.node, password: config.password, recipients: config.recipientNames, tls: config.tls, configFile: config.config.file,
                  connections: config.server, monitor: monitor, alerting: alerting, tokens: tokens, openReads: config.api.readsAreOpen(listen: config.listen), logger: logger)
    }

    /// The group for monitor-srv's pushes: the access rule, where `token` (`[push] token`)
    /// authorises a push as an API write token does. Without it, a node that only this
    /// machine can reach and whose reads are open takes pushes with no token, as monitor-srv
    /// did (README, "Access").
    package func pushGuarded(token: String?) -> RouterGroup<NodeRequestContext> {
        let open = token == nil && access.openReads && APISettings.isLoopbackOnly(listen.host)
        return router.group().add(middleware: AccessMiddleware(policy: access, openWrites: open, extra: token.map(AccessPolicy.ExtraToken.init)))
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
        let notices = ServiceNotifier.fromEnvironment.map { ServiceNotices(notifier: $0, logger: logger) }
        return Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(listen.host, port: Int(listen.port)), serverName: "bearmon"),
            services: services + (notices.map { [$0] } ?? []),
            onServerRunning: { [listen] _ in
                onRunning()
                notices?.tell("READY=1\nSTATUS=serving on \(listen)")
            },
            logger: logger
        )
    }
}
