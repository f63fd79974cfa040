package import Hummingbird
import BearmonServer

/// One operation of the REST API: a method on a path under `/api/v1/` and what answers it.
/// The list of them is both what ``APIRoutes`` registers and what the OpenAPI document is
/// tested against, so the document cannot describe a route that is not served or miss one.
package struct APIEndpoint: Sendable {
    /// The method.
    package let method: HTTPRequest.Method
    /// The path below `/api/v1/`, with `{id}` for the one path parameter (router and OpenAPI syntax alike).
    package let path: String
    /// Answers a request.
    let handler: @Sendable (Request, NodeRequestContext) async throws -> Response

    /// The full path, as the OpenAPI document writes it.
    package var fullPath: String { "/" + APIRoutes.prefix + "/" + path }
}
