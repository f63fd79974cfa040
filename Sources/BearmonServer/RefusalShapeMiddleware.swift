import Hummingbird

/// Gives Hummingbird's own refusals (404 for a path no route serves, 400 for a body a route
/// cannot decode) the shape of every other refusal a node answers, `{"error": "..."}`, so
/// that clients read one shape (see ``NodeHTTPError``).
struct RefusalShapeMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            throw NodeHTTPError(error, path: request.uri.path)
        }
    }
}
