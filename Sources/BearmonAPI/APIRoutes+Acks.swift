import BearmonCore
import BearmonManagement
import Hummingbird

extension APIRoutes {
    /// `POST checks/{id}/ack` (body: `comment`, `for`) acknowledges the check's current outage,
    /// the token's name as who; `DELETE checks/{id}/ack` clears it (README, "Acknowledgements").
    static func acks(_ catalog: any CatalogService) -> [APIEndpoint] {
        [
            APIEndpoint(method: .post, path: "checks/{id}/ack") { request, context in
                let id = try APIInput.id(context, noun: "check", collection: "checks")
                let body = try await APIInput.object(request, context: context)
                let creator = context.tokenName ?? "anonymous"
                return try CatalogJSON.response(try await executor.run { try catalog.acknowledge(id, body: body, creator: creator) }, status: .created)
            },
            APIEndpoint(method: .delete, path: "checks/{id}/ack") { _, context in
                let id = try APIInput.id(context, noun: "check", collection: "checks")
                try await executor.run { try catalog.clearAck(id) }
                return Response(status: .noContent)
            },
        ]
    }
}
