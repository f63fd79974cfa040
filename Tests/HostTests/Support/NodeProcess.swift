import BearmonSystem
import Foundation
import Glibc
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `bearmon` node the test runs as a real process on a loopback port.
final class NodeProcess: @unchecked Sendable {
    struct NotReady: Error, CustomStringConvertible { let description: String }

    let process: BackgroundProcess
    let port: UInt16

    /// Starts `bearmon ARGS --addr 127.0.0.1:PORT` and waits until it answers /healthz.
    /// `executable` defaults to the binary that honours `environment`'s test hooks, if any.
    init(_ arguments: [String], port: UInt16? = nil, log: String, environment: [String: String] = [:], executable: String? = nil) throws {
        self.port = try port ?? refusedPort()
        process = try BackgroundProcess(executable ?? TestPaths.bearmon(for: environment), arguments + ["--addr", "127.0.0.1:\(self.port)"], log: log, environment: environment)
        // The log line proves the answer comes from this process: a port handed out twice
        // would otherwise let another test's node answer /healthz for one that failed to bind.
        let serving = "serving on http://\(self.address)"
        guard waitUntil(timeout: 60, { (process.log.contains(serving) && (try? self.get("/healthz").0) == 200) || !process.isRunning }),
              process.isRunning else {
            throw NotReady(description: "bearmon did not start: \(process.log)")
        }
    }

    var address: String { "127.0.0.1:\(port)" }

    /// GETs `path` and returns the status and body.
    func get(_ path: String, timeout: Double = 5) throws -> (Int, Data) {
        try HTTPTestClient.request("http://\(address)\(path)", timeout: timeout)
    }

    /// The node's live status report.
    func status() throws -> StatusReport {
        let code: Int, body: Data
        do {
            (code, body) = try get("/v1/checks")
        } catch {
            // A node that died says why in its log; the connection error alone does not.
            let state = process.isRunning ? "running" : "exited (\(process.terminationDescription ?? "unknown"))"
            throw NotReady(description: "GET /v1/checks failed: \(error); the node has \(state); log tail: \(process.log.suffix(4000))")
        }
        guard code == 200 else { throw NotReady(description: "GET /v1/checks answered \(code)") }
        return try WireJSON.decoder.decode(StatusReport.self, from: body)
    }

    /// Kills it without warning.
    func crash() { process.stop(signal: SIGKILL, timeout: 5) }

    deinit { process.stop() }
}

/// A blocking HTTP client for tests, on URLSession.
enum HTTPTestClient {
    struct Failed: Error { let description: String }

    static func request(_ url: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:], timeout: Double = 5) throws -> (Int, Data) {
        let (code, data, _) = try exchange(url, method: method, body: body, headers: headers, timeout: timeout)
        return (code, data)
    }

    /// As ``request(_:method:body:headers:timeout:)``, with the answer's headers (names as sent).
    static func exchange(_ url: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:],
                         timeout: Double = 5) throws -> (Int, Data, [String: String]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = timeout
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<(Int, Data, [String: String]), Error> = .failure(Failed(description: "no answer"))
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { outcome = .failure(error) } else {
                let http = response as? HTTPURLResponse
                let fields = (http?.allHeaderFields ?? [:]).reduce(into: [String: String]()) { $0["\($1.key)"] = "\($1.value)" }
                outcome = .success((http?.statusCode ?? 0, data ?? Data(), fields))
            }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + timeout + 1)
        return try outcome.get()
    }
}
