import BearmonWire
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Guards the node-to-node routes (``NodeServer/signed``) in the order that keeps an
/// unauthenticated peer from costing the node anything: the signature headers first (wire
/// version, recipient, timestamp, unused nonce; see ``SignatureVerifier``), refused at once
/// with nothing read and the connection closed after the refusal; then the body, capped at ``NodeRequestContext/maxUploadSize`` and read
/// within ``bodyDeadline`` in all (a trickle cannot stretch it); then the MAC, after which the
/// nonce counts as used. The route's answer, refusals included, goes back signed
/// (``ReplySignature``), so the caller acts only on what this node said. On a node without a
/// cluster password (standalone) it refuses everything, so that no route registered as signed
/// is ever served open. Each refusal is logged with the peer and the reason; the node goes on
/// serving everyone else.
struct SignatureMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    /// The longest a signed request's body may take to arrive, from its headers to its end.
    static let bodyDeadline: Duration = .seconds(15)

    /// Checks signatures; nil on a node that has no cluster password.
    let verifier: SignatureVerifier?
    /// Bounds the memory held by bodies not yet verified.
    let budget = UnverifiedBodyBudget()
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let verifier else {
            throw NodeHTTPError(.forbidden, "this node has no cluster password, so it serves no node-to-node requests")
        }
        let admitted: SignatureVerifier.Admitted
        do {
            admitted = try verifier.admit(method: request.method.rawValue, path: request.uri.description, host: request.head.authority) { name in
                request.headers[HTTPField.Name(name)!]
            }
        } catch {
            await request.abandonBody()
            throw refusal(error, request, context)
        }
        var request = request
        let body = try await readBody(&request, context)
        do {
            try verifier.verify(admitted, body: Array(buffer: body))
        } catch {
            throw refusal(error, request, context)
        }
        return try await signed(answer(request, context, next), to: admitted, verifier)
    }

    /// The refusal of an unauthenticated request, logged.
    private func refusal(_ error: SignatureVerifier.Refusal, _ request: Request, _ context: Context) -> NodeHTTPError {
        logger.warning("refused \(request.method) \(request.uri.path) from \(context.peerDescription): \(error)")
        switch error {
        case .misdirected: return NodeHTTPError(.misdirectedRequest, "wrong recipient: \(error)")
        case .version: return NodeHTTPError(.badRequest, "wire version mismatch: \(error)")
        case .unauthenticated: return NodeHTTPError(.unauthorized, "authentication failed: \(error)")
        }
    }

    /// The body, read within ``bodyDeadline``, held to the node's cap and to the ``budget``
    /// for bodies not yet verified; it replaces the request's stream, so the route finds it
    /// in memory.
    private func readBody(_ request: inout Request, _ context: Context) async throws -> ByteBuffer {
        let stream = request.body, limit = context.maxUploadSize
        let cost = budget.cost(declared: request.headers[.contentLength].flatMap { Int($0) }, cap: limit)
        guard budget.reserve(cost) else {
            await request.abandonBody()
            logger.warning("refused \(request.method) \(request.uri.path) from \(context.peerDescription): \(budget.total) bytes of unverified bodies are being read already")
            throw NodeHTTPError(.serviceUnavailable, "too many large request bodies are being read; try again in a second")
        }
        defer { budget.release(cost) }
        let buffer: ByteBuffer?
        do {
            buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await stream.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(for: Self.bodyDeadline)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch is NIOTooManyBytesError {
            await request.abandonBody()
            logger.warning("refused \(request.method) \(request.uri.path) from \(context.peerDescription): body larger than \(limit) bytes")
            throw NodeHTTPError.bodyTooLarge(limit: limit)
        }
        guard let buffer else {
            logger.warning("refused \(request.method) \(request.uri.path) from \(context.peerDescription): its body did not arrive within \(Self.bodyDeadline)")
            throw NodeHTTPError(.requestTimeout, "the request body did not arrive within \(Self.bodyDeadline)")
        }
        request.body = RequestBody(buffer: buffer)
        return buffer
    }

    /// The route's answer, a refusal included, as a response.
    private func answer(_ request: Request, _ context: Context, _ next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return try NodeHTTPError(error, path: request.uri.path).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        } catch {
            logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return try NodeHTTPError(.internalServerError, "internal error; see the node's log").response(from: request, context: context)
        }
    }

    /// `response` with its body in memory and this node's signature over it.
    private func signed(_ response: Response, to request: SignatureVerifier.Admitted, _ verifier: SignatureVerifier) async throws -> Response {
        var response = response
        let body = try await response.body.collected()
        for (name, value) in verifier.signReply(status: Int(response.status.code), body: Array(buffer: body), to: request) {
            response.headers[HTTPField.Name(name)!] = value
        }
        response.body = ResponseBody(byteBuffer: body)
        return response
    }
}
