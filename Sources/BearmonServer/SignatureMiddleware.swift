import BearmonWire
import Hummingbird
import Logging
import NIOCore


/// Guards the node-to-node routes (``NodeServer/signed``): refuses every request that is not
/// signed with the shared password (see ``RequestSignature``), or is replayed or stale. On a
/// node without a cluster password (standalone) it refuses everything, so that no route
/// registered as signed is ever served open. Each refusal is logged with the peer and the
/// reason; the node goes on serving everyone else. The body was already held to the node's
/// cap by ``BodyLimitMiddleware``.
struct SignatureMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    /// Checks signatures; nil on a node that has no cluster password.
    let verifier: SignatureVerifier?
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let verifier else {
            throw NodeHTTPError(.forbidden, "this node has no cluster password, so it serves no node-to-node requests")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            try verifier.verify(method: request.method.rawValue, path: request.uri.description, body: Array(buffer: body)) { name in
                let wanted = name.lowercased()
                return request.headers.first { $0.name.canonicalName == wanted }?.value
            }
        } catch {
            logger.warning("refused \(request.method) \(request.uri.path) from \(context.peerDescription): \(error)")
            throw NodeHTTPError(.unauthorized, "authentication failed: \(error)")
        }
        return try await next(request, context)
    }
}
