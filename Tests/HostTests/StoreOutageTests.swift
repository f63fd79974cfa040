import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire

/// A standalone node whose MariaDB stops letting it in: the node says so instead of
/// answering as if the store were empty, and keeps serving what does not need the store.
@Suite("store outage", .serialized)
struct StoreOutageTests {
    @Test("while MariaDB refuses the node, /v1/checks is 503 saying the store is down and why, bearmon status --addr prints it, /healthz stays 200; once let in again, /v1/checks is whole")
    func checksDuringOutage() async throws {
        let dir = try TempDirectory("bearmon-outage")
        // A server of its own: the test locks its account, which other suites share on the shared one.
        let (before, during, printed, health, after) = try await offPool {
            let db = try MariaDBServer()
            defer { db.stop() }
            let name = try db.createDatabase()
            let store = try StoreLocation.parse(db.dsn(name)).open(logger: quietLogger)
            try store.migrate()
            _ = try store.addCheck(NewCheck(name: "kept", type: "tcp", data: #"{"address":"127.0.0.1:1"}"#, interval: 3600, delay: 0))
            let node = try NodeProcess(["standalone", "--db", db.dsn(name), "--node", "n1"], log: dir.file("node.log"))
            defer { node.crash() }
            let before = try node.status()
            // The outage: the account is locked and its connection killed, so every reconnect
            // is refused (a refusal is not a lost connection, so it is not retried for long).
            let user = "'\(MariaDBServer.user)'@'127.0.0.1'"
            try db.sql("ALTER USER \(user) ACCOUNT LOCK")
            let ids = try db.sql("SELECT id FROM information_schema.processlist WHERE user = '\(MariaDBServer.user)'")
            for id in ids.split(separator: "\n") { _ = try? db.sql("KILL \(id)") }
            let (code, body) = try node.get("/v1/checks", timeout: 60)
            let during = JSONAnswer(code: code, data: body)
            let printed = try Command.runBlocking(TestPaths.bearmon, ["status", "--addr", node.address], timeout: 60)
            let health = try node.get("/healthz").0
            try db.sql("ALTER USER \(user) ACCOUNT UNLOCK")
            var after: StatusReport?
            _ = waitUntil(timeout: 30) { after = try? node.status(); return after != nil }
            return (before, during, printed, health, after)
        }
        #expect(before.checks.map(\.name) == ["kept"])
        #expect(during.code == 503)
        #expect(during.error.hasPrefix("the store is down: "), "\(during.error)")
        #expect(during.error.contains("locked"), "the store's own error is named: \(during.error)")
        #expect(printed.status != 0)
        #expect(printed.stderr.contains("answered 503 to GET /v1/checks: the store is down: "), "\(printed.stderr)")
        #expect(health == 200)
        #expect(after?.checks.map(\.name) == ["kept"])
    }
}
