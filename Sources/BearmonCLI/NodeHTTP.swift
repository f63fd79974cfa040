import BearmonSystem
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How the CLI asks a running node's open endpoints (`--addr HOST:PORT`) over plain HTTP.
enum NodeHTTP {
    /// GETs `path` with `query` from the node at `address` (port 8888 when it names none);
    /// returns the status and the body. Failing to reach the node is a ``CLIFailure``.
    static func get(_ address: String, _ path: String, query: [(String, String)] = []) async throws -> (status: Int, body: Data) {
        let target: HostPort
        do { target = try HostPort(parsing: address, defaultPort: 8888) } catch { throw CLIFailure("--addr", cause: error) }
        var components = URLComponents()
        components.scheme = "http"
        components.percentEncodedHost = target.host.contains(":") ? "[\(target.host)]" : target.host
        components.port = Int(target.port)
        components.path = path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components.url else { throw CLIFailure("--addr: cannot make a URL of \(address)") }
        var request = URLRequest(url: url)
        request.timeoutInterval = 10
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        } catch {
            throw CLIFailure("cannot reach the node at \(target)", cause: error)
        }
    }
}
