import BearmonWire
import Hummingbird
import Logging
import NIOCore


/// Refuses every request that is not signed with the shared password (see
/// ``RequestSignature``), is replayed or stale, or is larger than the node accepts. Each
/// refusal is logged with the peer and the reason; the node goes on serving everyone else.
struct SignatureMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let verifier: SignatureVerifier
    let maxBodyBytes: Int
    /// Paths anyone may call, such as /healthz.
    let open: Set<String>
    package let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if open.contains(request.uri.path) { return try await next(request, context) }
        let peer = context.remoteAddress?.description ?? "unknown peer"
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            logger.warning("refused \(request.method) \(request.uri.path) from \(peer): body larger than \(maxBodyBytes) bytes")
            return WireJSON.error("request body larger than \(maxBodyBytes) bytes", status: .contentTooLarge)
        }
        do {
            try verifier.verify(method: request.method.rawValue, path: request.uri.description, body: Array(buffer: body)) { name in
                let wanted = name.lowercased()
                return request.headers.first { $0.name.canonicalName == wanted }?.value
            }
        } catch {
            logger.warning("refused \(request.method) \(request.uri.path) from \(peer): \(error)")
            return WireJSON.error("authentication failed: \(error)", status: .unauthorized)
        }
        return try await next(request, context)
    }
}
