import BearmonSystem
import BearmonWire
import Foundation

/// How the CLI asks a running node's open endpoints (`--addr HOST:PORT`) over plain HTTP,
/// through the same client nodes use to call each other (``NodeClient``).
enum NodeHTTP {
    /// GETs `path` with `query` from the node at `address` (port 8888 when it names none);
    /// returns the status and the body. Failing to reach the node is a ``CLIFailure``. The
    /// token in `BEARMON_TOKEN`, if any, goes along, for a node whose reads need one (never
    /// an option: a token in argv would show in process listings).
    static func get(_ address: String, _ path: String, query: [(String, String)] = []) async throws -> (status: Int, body: Data) {
        let target: HostPort
        do { target = try HostPort(parsing: address, defaultPort: 8888) } catch { throw CLIFailure("--addr", cause: error) }
        do {
            let (status, body) = try await NodeClient.openGet(target.description, path, query: query, bearer: Self.token, timeout: .milliseconds(10_000))
            return (status, Data(body))
        } catch let error as NodeClient.CallError {
            throw CLIFailure("cannot reach the node at \(target)", cause: error)
        }
    }

    /// `BEARMON_TOKEN` from the environment, when set and not empty.
    static var token: String? {
        ProcessInfo.processInfo.environment["BEARMON_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
