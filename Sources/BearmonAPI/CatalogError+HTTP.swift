package import BearmonManagement
import BearmonServer
package import Hummingbird

/// A management refusal thrown from a route answers with its own status and the one refusal
/// shape every node uses, `{"error": "..."}` (see ``NodeHTTPError``).
extension CatalogError: HTTPResponseError {
    /// The kind as an HTTP status.
    package var status: HTTPResponse.Status { HTTPResponse.Status(code: kind.rawValue) }

    /// The refusal as the API's JSON error body.
    package func response(from request: Request, context: some RequestContext) throws -> Response {
        try NodeHTTPError(status, message).response(from: request, context: context)
    }
}
