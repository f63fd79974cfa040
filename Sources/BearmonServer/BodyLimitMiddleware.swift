import BearmonCore
import Hummingbird
import Logging
import NIOCore

/// Holds every request, on any path, to the node's one body cap (``RequestBodyLimit``,
/// which is also ``NodeRequestContext/maxUploadSize``) without reading anything: a request
/// that declares a longer body (`Content-Length`) is refused with 413 at once, and its
/// connection closed after the refusal (see ``Hummingbird/Request/abandonBody()``). A body is read
/// only by whoever needs it, and every reader caps it (a route's `decode` at
/// ``NodeRequestContext/maxUploadSize``, pushes at `[push] maxBody`, signed routes in
/// ``SignatureMiddleware`` once the signature headers pass), so a request to a path that
/// needs no body, or that is refused before its body, costs no memory. A refusal is logged
/// with the peer; the node goes on serving everyone else.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength], let length = Int(declared), length > context.maxUploadSize {
            logger.warning("refused \(request.method) \(request.uri.path) from \(context.peerDescription): body larger than \(context.maxUploadSize) bytes")
            await request.abandonBody()
            throw NodeHTTPError.bodyTooLarge(limit: context.maxUploadSize)
        }
        return try await next(request, context)
    }
}
