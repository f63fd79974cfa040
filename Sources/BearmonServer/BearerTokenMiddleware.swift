import BearmonWire
import Hummingbird

/// Lets a request through only with `Authorization: Bearer TOKEN`: for routes meant for
/// services and people rather than nodes, which do not hold the cluster password (see
/// ``NodeServer/tokenGuarded(_:token:setting:)``).
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let token: String
    /// What the refusal calls the request, such as "a push".
    let what: String
    /// Where the token is configured, such as "[push] token".
    let setting: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard authorized(request) else {
            throw NodeHTTPError(.unauthorized, "\(what) needs the header Authorization: Bearer <\(setting)>")
        }
        return try await next(request, context)
    }

    /// Whether the request carries `Authorization: Bearer token`. Both sides are reduced to
    /// HMACs first, so the comparison takes the same time whatever the token's length.
    private func authorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        let given = Array(header.dropFirst("Bearer ".count).utf8)
        let key = Array(token.utf8)
        return HMACSHA256.equal(HMACSHA256.mac(key: key, message: given), HMACSHA256.mac(key: key, message: key))
    }
}
