import BearmonCore
package import BearmonMonitor
import BearmonWire
package import Hummingbird
import Logging

/// monitor-srv's API on a node's port: `POST` pushes and `GET` queries of healthchecks,
/// status and stats, and `GET /v1/services`. It is for services, not for nodes, so it is not
/// signed with the cluster password: pushes are open, or need `Authorization: Bearer` with
/// `[push] token` when one is set; queries are open.
package enum MonitorRoutes {
    /// The paths, which node-to-node signing leaves alone (see ``NodeServer/router(config:logger:monitor:)``).
    static let paths: Set<String> = ["/v1/healthchecks", "/v1/services", "/v1/status", "/v1/stats"]

    /// Serves the API from `monitor`.
    package static func add(to router: Router<NodeRequestContext>, monitor: PushMonitor) {
        let pushes: [(String, PushKind)] = [("v1/healthchecks", .healthCheck), ("v1/status", .status), ("v1/stats", .stats)]
        for (path, kind) in pushes {
            router.post(RouterPath(path)) { request, _ in await push(kind, request, monitor) }
        }
        router.get("v1/healthchecks") { request, _ in await answer(request) { try await monitor.healthChecks($0) } }
        router.get("v1/services") { request, _ in await answer(request) { try await monitor.services($0) } }
        router.get("v1/status") { request, _ in await answer(request) { try await monitor.status($0) } }
        router.get("v1/stats") { request, _ in await answer(request) { try await monitor.stats($0) } }
    }

    /// Answers 404 on every path of the API: for a node without a store (the viewserver).
    static func unavailable(on router: Router<NodeRequestContext>, reason: String) {
        for path in paths {
            let route = RouterPath(String(path.dropFirst()))
            router.get(route) { _, _ in WireJSON.error(reason, status: .notFound) }
            router.post(route) { _, _ in WireJSON.error(reason, status: .notFound) }
        }
    }

    private static func push(_ kind: PushKind, _ request: Request, _ monitor: PushMonitor) async -> Response {
        if let token = monitor.settings.token, !authorized(request, token: token) {
            return WireJSON.error("a push needs the header Authorization: Bearer <[push] token>", status: .unauthorized)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: monitor.settings.maxBodyBytes)
        } catch {
            return WireJSON.error("request body larger than \(monitor.settings.maxBodyBytes) bytes ([push] maxBody)", status: .contentTooLarge)
        }
        return await respond { _ = try await monitor.push(kind, body: Array(buffer: body)); return [String: String]() }
    }

    private static func answer<T: Encodable>(_ request: Request, _ query: @escaping (MonitorQuery) async throws -> T) async -> Response {
        await respond {
            var parameters: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
            return try await query(try MonitorQuery(parameters: parameters))
        }
    }

    /// Runs `body` and answers its value as monitor-srv JSON, or its refusal with the
    /// refusal's status; a store that cannot be reached is 503.
    private static func respond<T: Encodable>(_ body: () async throws -> T) async -> Response {
        do {
            return try MonitorJSON.response(try await body())
        } catch let refusal as PushRefusal {
            return WireJSON.error(refusal.reason, status: HTTPResponse.Status(code: refusal.status))
        } catch {
            return WireJSON.error("the store cannot be used: \(error)", status: .serviceUnavailable)
        }
    }

    /// Whether the request carries `Authorization: Bearer token`. Both sides are reduced to
    /// HMACs first, so the comparison takes the same time whatever the token's length.
    private static func authorized(_ request: Request, token: String) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        let given = Array(header.dropFirst("Bearer ".count).utf8)
        let key = Array(token.utf8)
        return HMACSHA256.equal(HMACSHA256.mac(key: key, message: given), HMACSHA256.mac(key: key, message: key))
    }
}
