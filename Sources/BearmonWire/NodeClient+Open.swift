import CurlKit
import Foundation

extension NodeClient {
    /// GETs `path` with `query` from a node's open endpoints at `peer` (host:port) over plain
    /// HTTP, unsigned, as the CLI's `--addr` commands do; returns the status and body whatever
    /// the status. Failing to reach the node is a ``CallError`` with status 0.
    package static func openGet(_ peer: String, _ path: String, query: [(String, String)] = [],
                                timeout: Duration) async throws -> (status: Int, body: [UInt8]) {
        let search = query.isEmpty ? "" : "?" + FormField.encode(query.map(FormField.init))
        var request = CurlRequest(url: "http://\(peer)\(path)\(search)", deadline: .after(milliseconds: timeout.inMilliseconds))
        request.method = "GET"
        let response = try await transfer(request, target: "GET \(peer)\(path)")
        return (response.status, response.body)
    }

    /// POSTs `body` as JSON, unsigned, to one of a node's open routes (monitor-srv's pushes),
    /// over the node's scheme, with `headers` (a bearer token); decodes a 2xx reply, which is
    /// not signed and so must not be acted on beyond "it was taken".
    package func openPost<Body: Encodable, Reply: Decodable>(_ peer: String, _ path: String, _ body: Body, headers: [(String, String)] = [],
                                                            timeout: Duration) async throws -> Reply {
        let target = "POST \(peer)\(path)"
        let reply = try await Self.transfer(request(peer, "POST", path, Array(try WireJSON.encoder.encode(body)), headers, timeout), target: target)
        guard (200..<300).contains(reply.status) else {
            throw CallError(target: target, status: reply.status, reason: reply.refusal.reason)
        }
        do {
            return try WireJSON.decoder.decode(Reply.self, from: Data(reply.body))
        } catch {
            throw CallError(target: target, status: reply.status, reason: "unreadable answer: \(error)")
        }
    }
}
