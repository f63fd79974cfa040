package import BearmonConfig
import BearmonCore
import BearmonSystem
import CurlKit
import Foundation


/// Signed HTTP(S) calls to other nodes, and the CLI's unsigned ones to a node's open
/// endpoints (see ``openGet(_:_:query:timeoutMilliseconds:)``): bearmon's one HTTP client,
/// libcurl on a concurrent ``BlockingExecutor`` (node calls block, and long polls block for
/// many seconds).
package final class NodeClient: Sendable {
    /// A call that did not return a 2xx answer.
    package struct CallError: Error, CustomStringConvertible, Sendable {
        /// The peer and path.
        package let target: String
        /// The HTTP status, or 0 when nothing came back.
        package let status: Int
        /// The peer's error, or the transport error.
        package let reason: String
        /// For 409 answers: the view the peer holds.
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

    /// POSTs `body` as JSON, with `headers` besides the signature's, and decodes the reply.
    package func post<Body: Encodable, Reply: Decodable>(_ peer: String, _ path: String, _ body: Body, headers: [(String, String)] = [],
                                                        timeout: Duration) async throws -> Reply {
        let data = try WireJSON.encoder.encode(body)
        return try await call(peer, "POST", path, Array(data), headers: headers, timeout: timeout)
    }

    /// GETs `path` and decodes the reply.
    package func get<Reply: Decodable>(_ peer: String, _ path: String, timeout: Duration) async throws -> Reply {
        try await call(peer, "GET", path, [], timeout: timeout)
    }

    private func call<Reply: Decodable>(_ peer: String, _ method: String, _ path: String, _ body: [UInt8], headers: [(String, String)] = [],
                                        timeout: Duration) async throws -> Reply {
        let target = "\(method) \(peer)\(path)"
        let request = signedRequest(peer, method, path, body, headers, timeout)
        let response = try await Self.transfer(request, target: target)
        guard (200..<300).contains(response.status) else {
            let wire = try? WireJSON.decoder.decode(WireError.self, from: Data(response.body))
            throw CallError(target: target, status: response.status, reason: wire?.error ?? String(decoding: response.body.prefix(200), as: UTF8.self), view: wire?.view)
        }
        do {
            return try WireJSON.decoder.decode(Reply.self, from: Data(response.body))
        } catch {
            throw CallError(target: target, status: response.status, reason: "unreadable answer: \(error)", view: nil)
        }
    }

    private func signedRequest(_ peer: String, _ method: String, _ path: String, _ body: [UInt8], _ headers: [(String, String)],
                               _ timeout: Duration) -> CurlRequest {
        var request = CurlRequest(url: "\(tls == nil ? "http" : "https")://\(peer)\(path)", deadline: .after(milliseconds: timeout.inMilliseconds))
        request.method = method
        request.body = body.isEmpty ? .none : .bytes(body)
        request.caFile = tls?.ca
        request.headers = [CurlRequest.Header("Content-Type", "application/json")]
            + (RequestSignature.sign(method: method, path: path, body: body, node: node, password: password).headers + headers).map { CurlRequest.Header($0.0, $0.1) }
        return request
    }

    /// Runs `request` on ``transfers`` with the limits every node call shares; a transport
    /// failure is a ``CallError`` with status 0.
    static func transfer(_ request: CurlRequest, target: String) async throws -> CurlResponse {
        var request = request
        request.bodyCap = 16 << 20
        request.followRedirects = false
        return try await transfers.run { [request] in
            do {
                return try CurlTransfer(request).perform()
            } catch {
                throw CallError(target: target, status: 0, reason: "\(error)", view: nil)
            }
        }
    }
}
