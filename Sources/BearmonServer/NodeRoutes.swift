package import BearmonCore
import BearmonWire
package import Hummingbird

/// The HTTP endpoints every kind of node may serve. Everything a node offers is on one port.
package enum NodeRoutes {
    /// `GET /healthz`: 200 while the process serves and, on the acting controller, alerting
    /// works; 503 with the reason while alerting's self-check reports a problem (a flip that
    /// cannot be written, a notification that does not go out), so that an external probe
    /// hears of it even when the outbox itself is stuck.
    static func health(_ group: RouterGroup<NodeRequestContext>, node: String, alerting: AlertingWatch?) {
        group.get("healthz") { _, _ in
            guard let health = alerting?.health, !health.isOK else {
                return try WireJSON.response(["status": "ok", "node": node])
            }
            return try WireJSON.response(["status": "error", "node": node, "alerting": health.summary], status: .serviceUnavailable)
        }
    }

    /// `GET /v1/checks`: every check's live state (see ``StatusReport``), in `group`: open on a
    /// standalone node, signed on a worker. `report` may refuse with a ``NodeHTTPError`` (a
    /// worker that is not the controller); any other error is the store's, answered 503.
    package static func checks(_ group: RouterGroup<NodeRequestContext>, report: @escaping @Sendable () async throws -> StatusReport) {
        group.get("v1/checks") { _, _ in
            let status: StatusReport
            do {
                status = try await report()
            } catch let refusal as NodeHTTPError {
                throw refusal
            } catch {
                throw NodeHTTPError.storeDown(error)
            }
            return try WireJSON.response(status)
        }
    }
}
