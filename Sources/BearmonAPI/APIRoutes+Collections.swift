import BearmonCore
import BearmonManagement
import BearmonServer
import Hummingbird

/// A resource whose `id` names it under its collection (for a creation's `Location`).
protocol APIResource: Codable, Equatable, Sendable {
    /// The id.
    var id: Int64 { get }
}

extension CheckResource: APIResource {}
extension ContactResource: APIResource {}
extension AlertResource: APIResource {}
extension TokenResource: APIResource {}
extension MaintenanceResource: APIResource {}
extension SilenceResource: APIResource {}

extension APIRoutes {
    /// The five operations of a collection: `GET` and `POST` on `collection`, and `GET`,
    /// `PATCH` and `DELETE` on `collection/{id}` (no `PATCH` without `update`). `filters` are
    /// list parameters besides the page. `create` gets the name of the token that asks.
    /// `quiet` names the methods that take `?quiet=true` (no `removed` notifications), and
    /// they refuse any other query parameter.
    static func collection<Item: APIResource>(
        _ collection: String, noun: String, filters: [String] = [], quiet: Set<HTTPRequest.Method> = [],
        list: @escaping @Sendable (PageRequest, [String: String]) throws -> Page<Item>,
        get: @escaping @Sendable (Int64) throws -> Item,
        create: @escaping @Sendable (JSONValue, _ creator: String) throws -> Item,
        update: (@Sendable (Int64, JSONValue, _ quiet: Bool) throws -> Item)?,
        delete: @escaping @Sendable (Int64, _ quiet: Bool) throws -> Void
    ) -> [APIEndpoint] {
        let item = collection + "/{id}"
        let patch = update.map { update in
            APIEndpoint(method: .patch, path: item) { request, context in
                let id = try APIInput.id(context, noun: noun, collection: collection)
                let quiet = quiet.contains(.patch) ? try APIInput.quiet(request) : false
                let patch = try await APIInput.object(request, context: context, mediaTypes: APIInput.patchMediaTypes)
                return try CatalogJSON.response(try await executor.run { try update(id, patch, quiet) })
            }
        }
        return [
            APIEndpoint(method: .get, path: collection) { request, _ in
                let (page, filters) = try APIInput.page(request, filters: filters)
                return try CatalogJSON.response(try await executor.run { try list(page, filters) })
            },
            APIEndpoint(method: .post, path: collection) { request, context in
                let body = try await APIInput.object(request, context: context)
                // Only an open group (tests) lets a write through without a token.
                let creator = context.tokenName ?? "anonymous"
                let created = try await executor.run { try create(body, creator) }
                var response = try CatalogJSON.response(created, status: .created)
                response.headers[.location] = "/\(prefix)/\(collection)/\(created.id)"
                return response
            },
            APIEndpoint(method: .get, path: item) { _, context in
                let id = try APIInput.id(context, noun: noun, collection: collection)
                return try CatalogJSON.response(try await executor.run { try get(id) })
            },
        ] + (patch.map { [$0] } ?? []) + [
            APIEndpoint(method: .delete, path: item) { request, context in
                let id = try APIInput.id(context, noun: noun, collection: collection)
                let quiet = quiet.contains(.delete) ? try APIInput.quiet(request) : false
                try await executor.run { try delete(id, quiet) }
                return Response(status: .noContent)
            },
        ]
    }

    /// `GET checks/{id}/NAME`: a page of a check's history, newest first.
    static func history<Item: Codable & Equatable & Sendable>(
        _ name: String, _ read: @escaping @Sendable (Int64, PageRequest) throws -> Page<Item>
    ) -> [APIEndpoint] {
        [APIEndpoint(method: .get, path: "checks/{id}/" + name) { request, context in
            let id = try APIInput.id(context, noun: "check", collection: "checks")
            let (page, _) = try APIInput.page(request)
            return try CatalogJSON.response(try await executor.run { try read(id, page) })
        }]
    }
}
