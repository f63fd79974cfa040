import Foundation
@testable import BearmonCore
@testable import BearmonStore

/// A standalone node for the access tests, on its own SQLite file, with API tokens made by
/// `bearmon tokens add` (as an operator makes them) before it starts.
final class AccessNode: @unchecked Sendable {
    let dir: TempDirectory
    let db: String
    let node: NodeProcess
    /// The tokens made, by name; each printed once by the CLI.
    let tokens: [String: String]
    /// Everything the CLI printed while making them.
    let cliOutput: String

    /// Makes `tokens` (name: scope) and starts the node with `config` (an INI file's text; empty for none).
    init(config: String = "", tokens wanted: [String: TokenScope] = ["reader": .read, "writer": .write]) throws {
        dir = try TempDirectory("bearmon-access")
        db = dir.file("access.sqlite")
        var made: [String: String] = [:]
        var output = ""
        for (name, scope) in wanted.sorted(by: { $0.key < $1.key }) {
            let result = try Command.runBlocking(TestPaths.bearmon, ["tokens", "add", "--db", "sqlite:\(db)", "--name", name, "--scope", scope.rawValue])
            guard result.status == 0, let token = result.stdout.split(separator: "\n").last.map(String.init) else {
                throw NodeProcess.NotReady(description: "tokens add failed: \(result.stderr)")
            }
            made[name] = token
            output += result.stdout + result.stderr
        }
        tokens = made
        cliOutput = output
        let configArguments = config.isEmpty ? [] : ["--config", try dir.write("access.cfg", config)]
        node = try NodeProcess(["standalone", "--db", "sqlite:\(db)"] + configArguments, log: dir.file("node.log"))
    }

    /// The token named `name`.
    func token(_ name: String) -> String { tokens[name]! }

    /// `method` on `path` with `headers` (and `body` for writes); the status and the answer.
    func call(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) throws -> JSONAnswer {
        let (code, data) = try HTTPTestClient.request("http://\(node.address)\(path)", method: method, body: body.map { Data($0.utf8) },
                                                      headers: (body == nil ? [:] : ["Content-Type": "application/json"]).merging(headers) { $1 })
        return JSONAnswer(code: code, data: data)
    }

    /// `headers` with `Authorization: Bearer` and the token named `name`.
    func bearer(_ name: String) -> [String: String] { ["Authorization": "Bearer \(token(name))"] }

    /// A push of a healthcheck as node `from`, with `headers`.
    func push(_ headers: [String: String] = [:], from: String = "pusher-1") throws -> JSONAnswer {
        try call("POST", "/v1/healthchecks", headers: headers, body: MonitorMessages.healthCheck("access.probe", node: from))
    }

    /// The store the node uses, opened beside it.
    func store() throws -> SQLStore { SQLStore(database: try SQLiteDatabase(path: db)) }
}
