import BearmonManagement
import BearmonSystem
import BearmonWire
import Foundation

/// How the CLI asks a running node's open endpoints (`--addr HOST:PORT`) over plain HTTP,
/// through the same client nodes use to call each other (``NodeClient``).
enum NodeHTTP {
    /// GETs `path` with `query` from the node at `address` (port 8888 when it names none);
    /// returns the status and the body. Failing to reach the node is a ``CLIFailure``. The
    /// token in `BEARMON_TOKEN`, if any, goes along, for a node whose reads need one, read by
    /// the rule `--api` uses (``RemoteToken``; never an option: argv shows in process listings).
    static func get(_ address: String, _ path: String, query: [(String, String)] = []) async throws -> (status: Int, body: Data) {
        let target: HostPort
        do { target = try HostPort(parsing: address, defaultPort: 8888) } catch { throw CLIFailure("--addr", cause: error) }
        let token: String?
        do { token = try RemoteToken.fromEnvironment() } catch { throw CLIFailure(cause: error) }
        do {
            let (status, body) = try await NodeClient.openGet(target.description, path, query: query, bearer: token, timeout: .milliseconds(10_000))
            return (status, Data(body))
        } catch let error as NodeClient.CallError {
            throw CLIFailure("cannot reach the node at \(target)", cause: error)
        }
    }
}
