import BearmonCore
import Hummingbird
import Logging
import NIOCore

/// Holds every request, on any path, to the node's one body cap (``RequestBodyLimit``,
/// which is also ``NodeRequestContext/maxUploadSize``): the body is read here, once, so that
/// a route or a middleware after this one finds it in memory. A refusal is logged with the
/// peer; the node goes on serving everyone else.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        do {
            _ = try await request.collectBody(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            logger.warning("refused \(request.method) \(request.uri.path) from \(context.peerDescription): body larger than \(context.maxUploadSize) bytes")
            throw NodeHTTPError.bodyTooLarge(limit: context.maxUploadSize)
        }
        return try await next(request, context)
    }
}
