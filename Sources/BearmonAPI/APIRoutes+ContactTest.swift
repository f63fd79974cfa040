import BearmonCore
import BearmonManagement
import Hummingbird

extension APIRoutes {
    /// A test can wait on a slow receiver for its type's whole run time: tests run here, not on
    /// the catalog's one-at-a-time queue, so that they never hold up the rest of the API.
    static let testExecutor = BlockingExecutor(label: "bearmon.api.contact-test", concurrent: true)

    /// `POST contacts/{id}/test`: sends the contact a `test` notification through the outbox
    /// and answers 200 with how it went (a failed delivery is still a 200: the request worked).
    static func contactTest(_ catalog: any CatalogService) -> [APIEndpoint] {
        [APIEndpoint(method: .post, path: "contacts/{id}/test") { request, context in
            let id = try APIInput.id(context, noun: "contact", collection: "contacts")
            _ = try APIInput.page(request, filters: [], known: [])
            return try CatalogJSON.response(try await testExecutor.run { try catalog.testContact(id) })
        }]
    }
}
