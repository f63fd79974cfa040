import BearmonCore
import BearmonManagement
import Hummingbird

extension APIRoutes {
    /// `GET config`: the catalog as config as code, secrets masked; `POST config`: plans a
    /// file and, unless `dry_run`, applies it in one transaction (all of it or none).
    static func config(_ catalog: any CatalogService) -> [APIEndpoint] {
        [
            APIEndpoint(method: .get, path: "config") { request, _ in
                _ = try APIInput.page(request, filters: [], known: [])
                return try CatalogJSON.response(try await executor.run { try catalog.exportConfig() })
            },
            APIEndpoint(method: .post, path: "config") { request, context in
                let body = try await APIInput.object(request, context: context)
                let configRequest = try ConfigApplyRequest(body: body)
                return try CatalogJSON.response(try await executor.run { try catalog.applyConfig(configRequest) })
            },
        ]
    }
}
