import BearmonCore
package import BearmonManagement
package import BearmonServer
package import Hummingbird

/// The REST API under `/api/v1/`, served by every node with a store: checks, contacts,
/// alerts and tokens (list, get, create, update with a JSON merge patch, delete), maintenance
/// windows and silences (list, get, create, delete), a check's
/// results and flips, and the OpenAPI document of exactly these (``OpenAPIDocument``).
/// Every call goes to a ``CatalogService``, which validates, masks and words the refusals.
package enum APIRoutes {
    /// Where the API lives, without the leading slash.
    package static let prefix = "api/v1"

    /// Catalog calls block on the store: they run here, off Swift's cooperative pool. One at a
    /// time: the store's connection takes one query at a time anyway, and a queue that may
    /// block in parallel would start a thread per waiting request (up to `[server] maxConnections`).
    static let executor = BlockingExecutor(label: "bearmon.api")

    /// Serves the API from `catalog` on `group`, which applies the access rule (``NodeServer/guarded``).
    package static func add(to group: RouterGroup<NodeRequestContext>, catalog: any CatalogService) {
        register(endpoints(catalog), on: group)
    }

    /// Registers `endpoints` on `group`, and 405 for the methods their paths do not serve.
    static func register(_ endpoints: [APIEndpoint], on group: RouterGroup<NodeRequestContext>) {
        for endpoint in endpoints {
            group.on(RouterPath(endpoint.fullPath), method: endpoint.method, use: endpoint.handler)
        }
        // A method a path does not serve is 405 naming the ones it does, rather than a 404
        // that would say the path does not exist.
        for (path, served) in Dictionary(grouping: endpoints, by: \.fullPath).mapValues({ $0.map(\.method) }) {
            let allow = served.map(\.rawValue).joined(separator: ", ")
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .options, .trace] where !served.contains(method) {
                group.on(RouterPath(path), method: method) { request, context -> Response in
                    var response = try NodeHTTPError(.methodNotAllowed, "\(method) is not served on \(path); it takes \(allow)").response(from: request, context: context)
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }

    /// Answers 404 with `reason` on every path of the API, for a node without a store (the viewserver).
    package static func unavailable(on group: RouterGroup<NodeRequestContext>, reason: String) {
        for path in [prefix, prefix + "/**"] {
            for method in [HTTPRequest.Method.get, .head, .post, .put, .patch, .delete] {
                group.on(RouterPath(path), method: method) { _, _ -> Response in throw NodeHTTPError(.notFound, reason) }
            }
        }
    }

    /// Every operation the API serves.
    package static func endpoints(_ catalog: any CatalogService) -> [APIEndpoint] {
        [APIEndpoint(method: .get, path: "openapi.json") { _, _ in OpenAPIDocument.response() }]
            + collection("checks", noun: "check", filters: ["tag"], quiet: [.patch, .delete], list: { try catalog.listChecks($0, tag: $1["tag"]) },
                         get: { try catalog.check($0) }, create: { body, _ in try catalog.createCheck(body) },
                         update: { try catalog.updateCheck($0, patch: $1, quiet: $2) }, delete: { try catalog.deleteCheck($0, quiet: $1) })
            + history("results") { try catalog.results(check: $0, $1) }
            + history("flips") { try catalog.flips(check: $0, $1) }
            + collection("contacts", noun: "contact", quiet: [.delete], list: { page, _ in try catalog.listContacts(page) },
                         get: { try catalog.contact($0) }, create: { body, _ in try catalog.createContact(body) },
                         update: { id, patch, _ in try catalog.updateContact(id, patch: patch) }, delete: { try catalog.deleteContact($0, quiet: $1) })
            + contactTest(catalog)
            + acks(catalog)
            + collection("alerts", noun: "alert", quiet: [.patch, .delete], list: { page, _ in try catalog.listAlerts(page) },
                         get: { try catalog.alert($0) }, create: { body, _ in try catalog.createAlert(body) },
                         update: { try catalog.updateAlert($0, patch: $1, quiet: $2) }, delete: { try catalog.deleteAlert($0, quiet: $1) })
            + collection("tokens", noun: "token", list: { page, _ in try catalog.listTokens(page) },
                         get: { try catalog.token($0) }, create: { body, _ in try catalog.createToken(body) },
                         update: { id, patch, _ in try catalog.updateToken(id, patch: patch) }, delete: { id, _ in try catalog.deleteToken(id) })
            + holds(catalog)
            + config(catalog)
    }
}
