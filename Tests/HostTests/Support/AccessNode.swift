import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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
    /// `environment` sets test hooks (BEARMON_TEST_*), which start the test node binary.
    init(config: String = "", tokens wanted: [String: TokenScope] = ["reader": .read, "writer": .write], environment: [String: String] = [:]) throws {
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
        node = try NodeProcess(["standalone", "--db", "sqlite:\(db)"] + configArguments, log: dir.file("node.log"), environment: environment)
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

/// A browser's sign-in at a node's `/login`, seen as it happens: no redirect followed and no
/// cookie stored (the shared cookie store would send it to every other test's node).
enum SignIn {
    /// POSTs the form with `token` to `address`; the status and the `Set-Cookie` header.
    static func post(_ address: String, token: String, origin: String? = nil) throws -> (Int, String?) {
        var request = URLRequest(url: URL(string: "http://\(address)/login")!)
        request.httpMethod = "POST"
        request.httpShouldHandleCookies = false
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        if let origin { request.setValue(origin, forHTTPHeaderField: "Origin") }
        request.httpBody = Data("token=\(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")".utf8)
        request.timeoutInterval = 5
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<(Int, String?), Error> = .failure(HTTPTestClient.Failed(description: "no answer"))
        session.dataTask(with: request) { _, response, error in
            if let error { outcome = .failure(error) } else {
                let http = response as? HTTPURLResponse
                outcome = .success((http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Set-Cookie")))
            }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 6)
        return try outcome.get()
    }

    /// Stops at the first answer, so that the test sees the 303 and its cookie.
    private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }
}
