import Hummingbird

/// The HTTP endpoints a node serves, by role. Everything a node offers is on one port.
enum NodeRoutes {
    /// `GET /healthz`: the process is up and serving.
    static func health(_ router: Router<NodeRequestContext>, node: String) {
        router.get("healthz") { _, _ in try WireJSON.response(["status": "ok", "node": node]) }
    }

    /// `GET /v1/checks`: every check's live state (see ``StatusReport``).
    static func checks(_ router: Router<NodeRequestContext>, controller: Controller, address: String) {
        router.get("v1/checks") { _, _ in try WireJSON.response(await controller.status(address: address)) }
    }
}
