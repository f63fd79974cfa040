import Foundation
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// An HTTP answer whose body is JSON; Sendable, so it can leave an `offPool` closure and be
/// read on the test's side.
struct JSONAnswer: Sendable {
    let code: Int
    let data: Data

    /// The body as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
    /// The entries under `key`.
    func entries(_ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }
    /// The `error` of a refusal.
    var error: String { object["error"] as? String ?? "" }
    /// The `healthChecks` entries pushed by node `id`.
    func pushedBy(_ id: String) -> [[String: Any]] { entries("healthChecks").filter { [$0].nodeIDs == [[id]] } }
}

/// monitor-srv's API on a node under test.
extension NodeProcess {
    /// Kills the node from a thread of its own. A graceful stop takes seconds (the worker
    /// pool's long poll runs out first), and a node released on the cooperative pool would
    /// block one of its two threads that long in `deinit`.
    func kill() async throws { try await offPool { self.crash() } }

    /// POSTs `body` to `path`.
    func post(_ path: String, _ body: String, headers: [String: String] = [:]) throws -> JSONAnswer {
        let (code, data) = try HTTPTestClient.request("http://\(address)\(path)", method: "POST", body: Data(body.utf8),
                                                      headers: ["Content-Type": "application/json"].merging(headers) { $1 })
        return JSONAnswer(code: code, data: data)
    }

    /// GETs `path`.
    func json(_ path: String) throws -> JSONAnswer {
        let (code, data) = try get(path)
        return JSONAnswer(code: code, data: data)
    }
}

extension Array where Element == [String: Any] {
    /// Each entry's `id`.
    var ids: [String] { map { $0["id"] as? String ?? "?" } }
    /// Each entry's service's node ids.
    var nodeIDs: [[String]] { map { (($0["service"] as? [String: Any])?["nodes"] as? [[String: Any]] ?? []).ids } }
}
