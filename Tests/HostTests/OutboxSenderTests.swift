import BearmonSystem
import Foundation
import Testing
@testable import BearmonMetrics
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// The durable outbox's sender, in process, against SQLite and the fixture contact type.
@Suite("alert outbox sender")
struct OutboxSenderTests {
    let fixture: FixtureHost
    let store: SQLStore
    let dir: TempDirectory
    let check: Int64

    init() async throws {
        fixture = try await FixtureHost()
        dir = try TempDirectory()
        store = SQLStore(database: try SQLiteDatabase(path: dir.file("o.sqlite")))
        try store.migrate()
        check = try store.addCheck(NewCheck(name: "web", type: "fixture", data: "{}"))
        _ = try store.raiseView(to: 1, holder: "test")
    }

    private func sender(baseMilliseconds: Int64 = 20) -> OutboxSender {
        var policy = RetryPolicy()
        policy.base = .milliseconds(baseMilliseconds)
        return OutboxSender(store: store, host: fixture.host, policy: policy, logger: quietLogger) { 1 }
    }

    private func contact(_ data: String) throws -> Int64 {
        let id = try store.addContact(type: "fixture", data: data)
        _ = try store.addAlert(checkID: check, contactID: id, type: .both)
        return id
    }

    private func flip(_ status: CheckStatus) throws -> FlipRecord {
        try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "went \(status.rawValue)",
                                         time: wallMilliseconds(), checkName: "web", checkType: "fixture", maskedData: "{}"), view: 1)
    }

    /// Runs rounds of the sender until `done` or about `seconds`.
    private func drive(_ sender: OutboxSender, seconds: Double, until done: () throws -> Bool) async throws {
        let deadline = Deadline.after(milliseconds: Int64(seconds * 1000))
        while try !done(), !deadline.hasPassed {
            await sender.sendDue()
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    private func deliveries(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test("a contact that fails twice and then succeeds is delivered exactly once")
    func flakyContact() async throws {
        let log = dir.file("flaky.log")
        _ = try contact("flaky:\(log):2")
        let record = try flip(.offline)
        let sender = sender()
        try await drive(sender, seconds: 60) { try store.outbox(states: [.delivered]).count == 1 }
        try await drive(sender, seconds: 0.3) { false }
        #expect(deliveries(log) == ["\(record.eventIDs[0]) offline \(check)"])
        let row = try #require(try store.outbox(states: [.delivered]).first)
        #expect(row.attempts == 3)
        #expect(row.eventID == record.eventIDs[0])
        #expect(try String(contentsOfFile: log + ".count", encoding: .utf8) == "3\n")
    }

    @Test("each delivery attempt is counted for /metrics by contact type, kind and outcome")
    func countedForMetrics() async throws {
        _ = try contact("flaky:\(dir.file("counted.log")):2")
        _ = try flip(.offline)
        let metrics = NodeMetrics(node: "n", role: "standalone")
        var policy = RetryPolicy()
        policy.base = .milliseconds(20)
        let sender = OutboxSender(store: store, host: fixture.host, policy: policy, logger: quietLogger, metrics: metrics) { 1 }
        try await drive(sender, seconds: 60) { try store.outbox(states: [.delivered]).count == 1 }
        let parsed = try Exposition(String(decoding: metrics.exposition(controller: nil), as: UTF8.self))
        #expect(parsed.value("bearmon_notifications_total", ["contact_type": "fixture", "kind": "flip", "outcome": "retry"]) == 2)
        #expect(parsed.value("bearmon_notifications_total", ["contact_type": "fixture", "kind": "flip", "outcome": "delivered"]) == 1)
        #expect(parsed.samples("bearmon_notifications_total", ["outcome": "failed"]).isEmpty)
    }

    @Test("a contact that hangs does not hold up another")
    func slowContact() async throws {
        let log = dir.file("fast.log")
        let slow = try contact("hang")
        let fast = try contact("record:\(log)")
        let record = try flip(.offline)
        let sender = sender()
        // The hanging contact sleeps 30 s; the fast one must be delivered (and recorded as
        // such) while it still hangs. Judged by order, not by a wall-clock bound, so that a
        // loaded machine cannot decide it: had the hang held the other up, the slow one would
        // be recorded first.
        try await drive(sender, seconds: 60) { try store.outbox(states: [.delivered]).contains { $0.contactID == fast } }
        #expect(deliveries(log).count == 1)
        #expect(record.eventIDs.count == 2)
        let finished = try store.database.query("SELECT contact_id, state, delivered_at FROM alert_outbox ORDER BY id")
            .map { (contact: $0.int(0), state: $0.string(1), at: $0[2].int) }
        let fastAt = try #require(finished.first { $0.contact == fast && $0.state == "delivered" }?.at, "\(finished)")
        let slowRow = try #require(finished.first { $0.contact == slow }, "\(finished)")
        #expect(slowRow.state == "pending" || (slowRow.at ?? 0) > fastAt, "the hanging contact was recorded before the fast one: \(finished)")
    }

    @Test("a contact hears offline before online even when the offline needed retries")
    func ordering() async throws {
        let log = dir.file("ordered.log")
        _ = try contact("flaky:\(log):2")
        _ = try flip(.offline)
        _ = try flip(.online)
        try await drive(sender(), seconds: 60) { deliveries(log).count == 2 }
        #expect(deliveries(log).map { $0.split(separator: " ")[1] } == ["offline", "online"])
    }

    @Test("a permanent failure, a deleted contact and an unknown type are recorded as such")
    func failures() async throws {
        _ = try contact("permanent")
        let gone = try contact("someone")
        let unknownType = try store.addContact(type: "nosuchtype", data: "x")
        _ = try store.addAlert(checkID: check, contactID: unknownType, type: .both)
        _ = try flip(.offline)
        try store.removeContact(gone)
        try await drive(sender(baseMilliseconds: 60_000), seconds: 30) { try store.outbox(states: [.failed]).count == 2 }
        let failed = try store.outbox(states: [.failed]).map(\.lastError).sorted()
        #expect(failed == ["contact \(gone) was deleted", "no such recipient"])
        let waiting = try #require(try store.outbox(states: [.pending]).first)
        #expect(waiting.lastError.contains("unknown contact type 'nosuchtype'"))
        #expect(waiting.attempts == 1)
    }

    @Test("a stop while a delivery is under way cancels it, waits for it, and gives its row back unattempted")
    func stopWithDeliveryUnderWay() async throws {
        let slow = try contact("hang")
        _ = try flip(.offline)
        let sender = sender()
        let running = Task { await sender.run() }
        // Bounded wait for the claim: 1000 polls of 20 ms at most.
        for _ in 0..<1000 {
            if await !sender.inFlight.isEmpty { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(await sender.inFlight.count == 1)
        // Claimed: nobody else may take the row while the delivery runs.
        #expect(try store.claimOutbox(now: wallMilliseconds(), limit: 10, lease: .milliseconds(60_000), view: 1).isEmpty)
        // Timed from the stop, not from the start: waiting for the claim on a loaded machine
        // is not what this bounds.
        let stopped = Deadline.now()
        running.cancel()
        await running.value
        // The hanging contact sleeps 30 s; the stop must not wait it out.
        #expect(Deadline.now().milliseconds(since: stopped) < 20_000)
        #expect(await sender.deliveries.count == 0)
        #expect(await sender.inFlight.isEmpty)
        let claimable = try store.claimOutbox(now: wallMilliseconds(), limit: 10, lease: .milliseconds(60_000), view: 1)
        #expect(claimable.map(\.contactID) == [slow])
        #expect(claimable.first?.attempts == 0)
        #expect(try store.outbox(states: [.delivered, .failed]).isEmpty)
    }

    @Test("a sender without the current view sends nothing")
    func fenced() async throws {
        let log = dir.file("fenced.log")
        _ = try contact("record:\(log)")
        _ = try flip(.offline)
        _ = try store.raiseView(to: 2, holder: "newer")
        let stale = OutboxSender(store: store, host: fixture.host, logger: quietLogger) { 1 }
        await stale.sendDue()
        try await Task.sleep(for: .milliseconds(300))
        #expect(deliveries(log).isEmpty)
        #expect(try store.outbox(states: [.pending]).count == 1)
    }
}
