import BearmonCore
import BearmonMonitor
import BearmonWire
package import Hummingbird

/// monitor-srv's API on a node's port: `POST` pushes and `GET` queries of healthchecks,
/// status and stats, and `GET /v1/services`. It is for services, not for nodes, so it is not
/// signed with the cluster password: queries are under the access rule (``NodeServer/guarded``),
/// and so are pushes, with `[push] token` as a write token for them (``NodeServer/pushGuarded(token:)``).
/// Healthcheck ids under `bearmon.` are refused there (403): nodes send
/// their own health to ``selfHealthPath``, signed.
package enum MonitorRoutes {
    /// The push endpoints, each with the kind of message it takes.
    private static let pushes: [(RouterPath, PushKind)] = [("v1/healthchecks", .healthCheck), ("v1/status", .status), ("v1/stats", .stats)]

    /// The query endpoints, each with how a monitor answers it.
    private static let queries: [(RouterPath, @Sendable (PushMonitor, MonitorQuery) async throws -> any Encodable)] = [
        ("v1/healthchecks", { try await $0.healthChecks($1) }),
        ("v1/services", { try await $0.services($1) }),
        ("v1/status", { try await $0.status($1) }),
        ("v1/stats", { try await $0.stats($1) }),
    ]

    /// Serves the API on `server` from `monitor`.
    static func add(to server: NodeServer, monitor: PushMonitor) {
        let pushGroup = server.pushGuarded(token: monitor.settings.token)
        for (path, kind) in pushes {
            pushGroup.post(path) { request, _ in try await push(kind, request, monitor) }
        }
        for (path, query) in queries {
            server.guarded.get(path) { request, _ in try await answer(request) { try await query(monitor, $0) } }
        }
        server.signed.post(RouterPath(selfHealthPath)) { request, _ in
            let body = try await collect(request, monitor)
            return try await respond { _ = try await monitor.pushSelfHealth(body: body); return [String: String]() }
        }
    }

    /// Where nodes without a store (the viewserver) send their own `bearmon.*` healthchecks:
    /// signed with the cluster password, as the open API refuses reserved ids.
    package static let selfHealthPath = "v1/self/healthchecks"

    /// Answers 404 on every path of the API: for a node without a store (the viewserver).
    static func unavailable(on group: RouterGroup<NodeRequestContext>, reason: String) {
        for path in Set(pushes.map(\.0.description) + queries.map(\.0.description)) {
            group.get(RouterPath(path)) { _, _ -> Response in throw NodeHTTPError(.notFound, reason) }
            group.post(RouterPath(path)) { _, _ -> Response in throw NodeHTTPError(.notFound, reason) }
        }
    }

    private static func push(_ kind: PushKind, _ request: Request, _ monitor: PushMonitor) async throws -> Response {
        let body = try await collect(request, monitor)
        return try await respond { _ = try await monitor.push(kind, body: body); return [String: String]() }
    }

    /// The request's body, up to `[push] maxBody`.
    private static func collect(_ request: Request, _ monitor: PushMonitor) async throws -> [UInt8] {
        var request = request
        do {
            return Array(buffer: try await request.collectBody(upTo: monitor.settings.maxBodyBytes))
        } catch {
            throw NodeHTTPError.bodyTooLarge(limit: monitor.settings.maxBodyBytes, setting: "[push] maxBody")
        }
    }

    private static func answer(_ request: Request, _ query: (MonitorQuery) async throws -> any Encodable) async throws -> Response {
        try await respond {
            var parameters: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
            return try await query(try MonitorQuery(parameters: parameters))
        }
    }

    /// Runs `body` and answers its value as monitor-srv JSON; its refusal is answered with the
    /// refusal's status, and any other error is the store's, 503.
    private static func respond(_ body: () async throws -> any Encodable) async throws -> Response {
        let value: any Encodable
        do {
            value = try await body()
        } catch let refusal as PushRefusal {
            var error = NodeHTTPError(HTTPResponse.Status(code: refusal.status), refusal.reason)
            error.retryAfterSeconds = refusal.retryAfterSeconds
            throw error
        } catch {
            throw NodeHTTPError.storeDown(error)
        }
        return try MonitorJSON.response(value)
    }
}
