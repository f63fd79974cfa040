import Foundation
import Testing
@testable import BearmonAPI
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// The REST API over HTTP on real nodes: a standalone node on SQLite and the workers of a
/// cluster on MariaDB, each through the whole CRUD cycle (``APIScenario``) with read and
/// write tokens, revoked tokens, and open and closed reads.
@Suite("REST API on running nodes")
struct APINodeTests {
    @Test("standalone: the whole CRUD cycle with read and write tokens; reads open on loopback; no token in the log")
    func standalone() async throws {
        let node = try AccessNode()
        let scenario = APIScenario(address: node.node.address, reader: node.token("reader"), writer: node.token("writer"), store: try node.store())
        try await offPool { try scenario.run() }
        #expect(scenario.failures.isEmpty, "\(scenario.failures.joined(separator: "\n"))")
        let open = try scenario.call("GET", "/api/v1/checks", token: nil)
        #expect(open.code == 200, "a read without a token on a loopback node: \(open.code) \(open.text)")
        let document = try scenario.call("GET", "/api/v1/openapi.json", token: nil)
        #expect(document.code == 200 && document.text == OpenAPIDocument.text)
        let log = node.node.process.log
        #expect(!log.contains(node.token("reader")) && !log.contains(node.token("writer")), "a token is in the node's log")
    }

    @Test("closed reads ([api] openReads = false): every API read needs a token, the OpenAPI document included")
    func closedReads() async throws {
        let node = try AccessNode(config: "[api]\nopenReads = false\n")
        let scenario = APIScenario(address: node.node.address, reader: node.token("reader"), writer: node.token("writer"), store: try node.store())
        for path in ["/api/v1/checks", "/api/v1/contacts/1", "/api/v1/openapi.json", "/api/v1/tokens"] {
            let refused = try scenario.call("GET", path, token: nil)
            #expect(refused.code == 401 && !refused.error.isEmpty, "\(path) without a token: \(refused.code) \(refused.text)")
        }
        #expect(try scenario.call("GET", "/api/v1/checks", token: node.token("reader")).code == 200)
        try await offPool { try scenario.run() }
        #expect(scenario.failures.isEmpty, "\(scenario.failures.joined(separator: "\n"))")
    }

    @Test("cluster: the whole cycle on one worker, the other worker serves the same catalog, the controller runs what the API added; the viewserver points to a worker")
    func cluster() async throws {
        let cluster = try await Cluster(workers: 2, confirmations: 1)
        let reader = TokenSecret.generate(), writer = TokenSecret.generate()
        _ = try cluster.store.addToken(name: "reader", scope: .read, sha256: TokenSecret.sha256Hex(reader), now: 1)
        _ = try cluster.store.addToken(name: "writer", scope: .write, sha256: TokenSecret.sha256Hex(writer), now: 2)
        let (one, two) = ("127.0.0.1:\(cluster.workerPorts[0])", "127.0.0.1:\(cluster.workerPorts[1])")
        let scenario = APIScenario(address: one, reader: reader, writer: writer, store: cluster.store)
        let failures = try await offPool { () -> [String] in
            try cluster.start()
            defer { cluster.stop() }
            try scenario.run()
            var failures = scenario.failures
            let created = try scenario.call("POST", "/api/v1/checks", token: writer, body: #"{"name":"via worker 1","type":"tcp","data":{"address":"127.0.0.1:9"},"interval":5}"#)
            let seen = try scenario.call("GET", "/api/v1/checks/\(created.id)", token: reader, at: two)
            if created.code != 201 || seen.code != 200 || seen.data != created.data { failures.append("worker 2 does not serve worker 1's check: \(seen.code) \(seen.text)") }
            // Generous: the point is that the controller picks the API's check up, not how fast.
            let report = cluster.awaitStatus(timeout: 60) { $0.checks.contains { $0.id == created.id && $0.lastResult != nil } }
            if report?.checks.contains(where: { $0.id == created.id && $0.lastResult != nil }) != true { failures.append("the controller never ran the check added through the API") }
            let view = try scenario.call("GET", "/api/v1/checks", token: reader, at: "127.0.0.1:\(cluster.viewPort)")
            if view.code != 404 || !view.error.contains("use a worker's address") { failures.append("viewserver: \(view.code) \(view.text)") }
            let logs = (1...2).map { (try? String(contentsOfFile: cluster.dir.file("worker\($0).log"), encoding: .utf8)) ?? "" }.joined()
            if logs.contains(writer) || logs.contains(reader) { failures.append("a token is in a worker's log") }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))\n\(cluster.logs.suffix(3000))")
    }
}
