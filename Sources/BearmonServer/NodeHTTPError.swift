import BearmonWire
package import Hummingbird

/// Every refusal a node answers with: a status and a message, sent as `{"error": "..."}`
/// (with `"view"` on a 409 from a node that is not, or no longer, the controller). Thrown
/// from a route or a middleware, Hummingbird turns it into the response.
package struct NodeHTTPError: HTTPResponseError, CustomStringConvertible {
    /// The answer's status.
    package let status: HTTPResponse.Status
    /// What went wrong, and where it helps, the fix.
    package let message: String
    /// For 409: the view the answering node knows, so that a worker can tell stale from new.
    package let view: Int64?
    /// For 503 from a busy lane: sent as `Retry-After`, in seconds.
    package var retryAfterSeconds: Int?
    /// For 401 from the access rule: sent as `WWW-Authenticate`, the scheme the node takes.
    package var challenge: String?

    /// A refusal with `status` saying `message`.
    package init(_ status: HTTPResponse.Status, _ message: String, view: Int64? = nil) {
        self.status = status
        self.message = message
        self.view = view
    }

    /// Hummingbird's own refusal of `path` (no route, an unreadable body), in bearmon's shape.
    package init(_ error: HTTPError, path: String) {
        self.init(error.status, error.body ?? "\(path): \(error.status.reasonPhrase)")
    }

    /// 503: the store failed with `error`, so the answer would be wrong or empty.
    package static func storeDown(_ error: any Error) -> NodeHTTPError {
        NodeHTTPError(.serviceUnavailable, "the store is down: \(error)")
    }

    /// 413: the body is over `limit` bytes; `setting` names the knob that set it, if any.
    package static func bodyTooLarge(limit: Int, setting: String? = nil) -> NodeHTTPError {
        NodeHTTPError(.contentTooLarge, "request body larger than \(limit) bytes" + (setting.map { " (\($0))" } ?? ""))
    }

    /// The message.
    package var description: String { message }

    /// The refusal as bearmon's JSON error body.
    package func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try WireJSON.response(WireError(error: message, view: view), status: status)
        if let retryAfterSeconds { response.headers[.retryAfter] = String(retryAfterSeconds) }
        if let challenge { response.headers[.wwwAuthenticate] = challenge }
        return response
    }
}
