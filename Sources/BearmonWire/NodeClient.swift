package import BearmonConfig
import BearmonCore
import BearmonSystem
import CurlKit
import Foundation


/// Signed HTTP(S) calls to other nodes, and the CLI's unsigned ones to a node's open
/// endpoints (see ``openGet(_:_:query:timeout:)``): bearmon's one HTTP client, libcurl on a
/// concurrent ``BlockingExecutor`` (node calls block, and long polls block for many seconds).
///
/// A signed call acts only on a signed reply: the answer's MAC (``ReplySignature``) must
/// verify under the shared password and name the request's nonce, or the call fails, saying
/// why. Every number in a reply is range-checked as it is decoded (``WireRange``).
package final class NodeClient: Sendable {
    /// A call that did not return a 2xx answer.
    package struct CallError: Error, CustomStringConvertible, Sendable {
        /// The peer and path.
        package let target: String
        /// The HTTP status, or 0 when nothing came back.
        package let status: Int
        /// The peer's error, or the transport error.
        package let reason: String
        /// For 409 answers: the view the peer holds (only from a signed reply).
        package let view: Int64?

        /// A value from its parts.
        package init(target: String, status: Int, reason: String, view: Int64? = nil) {
            self.target = target
            self.status = status
            self.reason = reason
            self.view = view
        }

        /// "POST 10.0.0.2:8888/v1/exchange: 409 not the controller".
        package var description: String { status == 0 ? "\(target): \(reason)" : "\(target): \(status) \(reason)" }
    }

    /// What came back from a transfer: the status, the body and the headers asked for.
    struct Reply {
        let status: Int
        let body: [UInt8]
        let headers: [String: String]

        /// A refusal's message (its `{"error"}`, or the start of the body) and view.
        var refusal: (reason: String, view: Int64?) {
            let wire = try? WireJSON.decoder.decode(WireError.self, from: Data(body))
            return (wire?.error ?? String(decoding: body.prefix(200), as: UTF8.self), wire?.view)
        }
    }

    let node: String
    let password: String
    let tls: NodeConfig.TLSFiles?
    /// Where every transfer runs.
    static let transfers = BlockingExecutor(label: "bearmon.node-client", concurrent: true)

    /// A client that signs as `node` with `password`, over TLS when `tls` is set.
    package init(node: String, password: String, tls: NodeConfig.TLSFiles?) {
        self.node = node
        self.password = password
        self.tls = tls
    }

    /// POSTs `body` as JSON, with `headers` besides the signature's, and decodes the signed reply.
    package func post<Body: Encodable, Reply: Decodable>(_ peer: String, _ path: String, _ body: Body, headers: [(String, String)] = [],
                                                        timeout: Duration) async throws -> Reply {
        let data = try WireJSON.encoder.encode(body)
        return try await call(peer, "POST", path, Array(data), headers: headers, timeout: timeout)
    }

    /// GETs `path` and decodes the signed reply.
    package func get<Reply: Decodable>(_ peer: String, _ path: String, timeout: Duration) async throws -> Reply {
        try await call(peer, "GET", path, [], timeout: timeout)
    }

    private func call<Reply: Decodable>(_ peer: String, _ method: String, _ path: String, _ body: [UInt8], headers: [(String, String)] = [],
                                        timeout: Duration) async throws -> Reply {
        let target = "\(method) \(peer)\(path)"
        let signature = RequestSignature.sign(method: method, path: path, host: peer, body: body, node: node, password: password)
        let request = request(peer, method, path, body, signature.headers + headers, timeout)
        let reply = try await Self.transfer(request, target: target, keeping: ReplySignature.headerNames)
        let refusal: SignatureVerifier.Refusal?
        do {
            try ReplySignature.verify(status: reply.status, nonce: signature.nonce, body: reply.body, key: Array(password.utf8),
                                      maxSkew: RequestSignature.maxSkew) { reply.headers[$0] }
            refusal = nil
        } catch {
            refusal = error
        }
        guard (200..<300).contains(reply.status) else {
            let (reason, view) = reply.refusal
            // An unsigned refusal is shown (it may say why: another wire version, another
            // recipient), but what it claims, such as a view, is not acted on.
            guard let refusal else { throw CallError(target: target, status: reply.status, reason: reason, view: view) }
            throw CallError(target: target, status: reply.status, reason: "\(reason) [not acted on: \(refusal)]", view: nil)
        }
        if let refusal {
            throw CallError(target: target, status: reply.status, reason: "refused the reply: \(refusal)", view: nil)
        }
        do {
            return try WireJSON.decoder.decode(Reply.self, from: Data(reply.body))
        } catch {
            throw CallError(target: target, status: reply.status, reason: "refused the reply: \(WireRange.describe(error))", view: nil)
        }
    }

    /// An HTTP(S) request to `peer`, with the node's CA.
    func request(_ peer: String, _ method: String, _ path: String, _ body: [UInt8], _ headers: [(String, String)], _ timeout: Duration) -> CurlRequest {
        var request = CurlRequest(url: "\(tls == nil ? "http" : "https")://\(peer)\(path)", deadline: .after(milliseconds: timeout.inMilliseconds))
        request.method = method
        request.body = body.isEmpty ? .none : .bytes(body)
        request.caFile = tls?.ca
        request.headers = [CurlRequest.Header("Content-Type", "application/json")] + headers.map { CurlRequest.Header($0.0, $0.1) }
        return request
    }

    /// Runs `request` on ``transfers`` with the limits every node call shares, keeping the
    /// response headers named in `keeping`; a transport failure is a ``CallError`` with status 0.
    static func transfer(_ request: CurlRequest, target: String, keeping names: [String] = []) async throws -> Reply {
        var request = request
        request.bodyCap = 16 << 20
        request.followRedirects = false
        // A long poll lasts up to 20 s: a node that is stopping cancels it instead of waiting.
        let cancellation = CurlCancellation()
        request.cancellation = cancellation
        return try await withTaskCancellationHandler {
            try await perform(request, target: target, keeping: names)
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Runs `request` on ``transfers``.
    private static func perform(_ request: CurlRequest, target: String, keeping names: [String]) async throws -> Reply {
        try await transfers.run { [request] in
            do {
                let transfer = try CurlTransfer(request)
                let response = try transfer.perform()
                let headers = names.reduce(into: [String: String]()) { $0[$1] = transfer.responseHeader($1) }
                return Reply(status: response.status, body: response.body, headers: headers)
            } catch {
                throw CallError(target: target, status: 0, reason: "\(error)", view: nil)
            }
        }
    }
}
