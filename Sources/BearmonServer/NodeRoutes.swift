package import BearmonCore
import BearmonWire
package import Hummingbird

/// The HTTP endpoints a node serves, by role. Everything a node offers is on one port.
package enum NodeRoutes {
    /// `GET /healthz`: 200 while the process serves and, on the acting controller, alerting
    /// works; 503 with the reason while alerting's self-check reports a problem (a flip that
    /// cannot be written, a notification that does not go out), so that an external probe
    /// hears of it even when the outbox itself is stuck.
    package static func health(_ router: Router<NodeRequestContext>, node: String, alerting: AlertingWatch?) {
        router.get("healthz") { _, _ in
            guard let health = alerting?.health, !health.isOK else {
                return try WireJSON.response(["status": "ok", "node": node])
            }
            return try WireJSON.response(["status": "error", "node": node, "alerting": health.summary], status: .serviceUnavailable)
        }
    }

    /// `GET /v1/checks`: every check's live state (see ``StatusReport``).
    package static func checks(_ router: Router<NodeRequestContext>, report: @escaping @Sendable () async -> StatusReport) {
        router.get("v1/checks") { _, _ in try WireJSON.response(await report()) }
    }
}
