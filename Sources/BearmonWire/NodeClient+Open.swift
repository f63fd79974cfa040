import CurlKit

extension NodeClient {
    /// GETs `path` with `query` from a node's open endpoints at `peer` (host:port) over plain
    /// HTTP, unsigned, as the CLI's `--addr` commands do; returns the status and body whatever
    /// the status. Failing to reach the node is a ``CallError`` with status 0. `bearer` is an
    /// API token sent as `Authorization: Bearer`, for a node whose reads need one.
    package static func openGet(_ peer: String, _ path: String, query: [(String, String)] = [], bearer: String? = nil,
                                timeout: Duration) async throws -> (status: Int, body: [UInt8]) {
        let search = query.isEmpty ? "" : "?" + FormField.encode(query.map(FormField.init))
        var request = CurlRequest(url: "http://\(peer)\(path)\(search)", deadline: .after(milliseconds: timeout.inMilliseconds))
        request.method = "GET"
        if let bearer { request.headers.append(.init("Authorization", "Bearer \(bearer)")) }
        let response = try await transfer(request, target: "GET \(peer)\(path)")
        return (response.status, response.body)
    }
}
