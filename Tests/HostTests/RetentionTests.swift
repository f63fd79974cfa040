import BearmonSystem
import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonStore
@testable import BearmonCLI

/// Issue 18, "The outbox grows forever": finished notifications are pruned after
/// `[store] retention` in small batches, history tables are kept, and `/v1/checks` lists
/// only pending notifications and the last day's failures.
@Suite("retention of the outbox (SQLite and MySQL)")
struct RetentionTests {
    /// A check with one contact alerted both ways, under view 1.
    private func alertedCheck(in store: SQLStore) throws -> Int64 {
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}"))
        let contact = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        _ = try store.raiseView(to: 1, holder: "a")
        return check
    }

    private func flip(_ check: Int64, _ status: CheckStatus, at time: Int64) -> FlipRequest {
        FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "went \(status.rawValue)", time: time,
                    checkName: "web", checkType: "tcp", maskedData: "{}")
    }

    /// Flips `check` to `status` at `time` and finishes its one notification with `outcome` at `time`.
    private func finished(_ store: SQLStore, _ check: Int64, _ status: CheckStatus, at time: Int64, _ outcome: OutboxOutcome) throws {
        _ = try store.recordFlip(flip(check, status, at: time), view: 1)
        let claimed = try store.claimOutbox(now: time, limit: 10, lease: .seconds(30), view: 1)
        try #require(claimed.count == 1)
        try store.completeOutbox(claimed[0].id, outcome: outcome, now: time, view: 1)
    }

    private func count(_ store: SQLStore, _ table: String) throws -> Int64 {
        try store.database.query("SELECT COUNT(*) FROM \(table)").first?.int(0) ?? -1
    }

    @Test("finished notifications older than the cutoff go in batches; pending rows, flips, events and charges stay", arguments: StoreBackend.allCases)
    func pruneFinished(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let check = try alertedCheck(in: store)
        try finished(store, check, .offline, at: 1_000, .delivered(receipt: "r1"))
        try finished(store, check, .online, at: 2_000, .failed(error: "550 no such user"))
        try finished(store, check, .offline, at: 9_000, .delivered(receipt: "r3"))
        // Pending, retried long after the cutoff; it must survive however old it is.
        _ = try store.recordFlip(flip(check, .online, at: 500), view: 1)
        let pending = try store.claimOutbox(now: 9_500, limit: 10, lease: .seconds(30), view: 1)
        try store.completeOutbox(pending[0].id, outcome: .retry(error: "451 later", at: 50_000), now: 9_500, view: 1)
        try store.recordCharge(checkID: check, type: "sms", data: "SM1")

        // Two rows finished before 5 000: one per batch of 1, then nothing.
        #expect(try store.pruneOutbox(before: 5_000, limit: 1) == 1)
        #expect(try store.pruneOutbox(before: 5_000, limit: 1) == 1)
        #expect(try store.pruneOutbox(before: 5_000, limit: 1) == 0)
        #expect(try store.outbox(states: [.delivered]).map(\.receipt) == ["r3"])
        #expect(try store.outbox(states: [.failed]).isEmpty)
        // Everything finished goes with a late cutoff; the pending row never does.
        #expect(try store.pruneOutbox(before: Int64.max, limit: 100) == 1)
        #expect(try store.outbox(states: [.pending]).map(\.id) == [pending[0].id])
        #expect(try count(store, "check_flips") == 4)
        #expect(try count(store, "check_events") == 4)
        #expect(try count(store, "charges") == 1)
    }

    @Test("the status report's notifications are the pending ones and the failures since the window", arguments: StoreBackend.allCases)
    func undeliveredWindow(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let check = try alertedCheck(in: store)
        try finished(store, check, .offline, at: 1_000, .failed(error: "old failure"))
        try finished(store, check, .online, at: 20_000, .failed(error: "recent failure"))
        try finished(store, check, .offline, at: 21_000, .delivered(receipt: nil))
        _ = try store.recordFlip(flip(check, .online, at: 22_000), view: 1)
        let listed = try store.undeliveredOutbox(failedSince: 10_000)
        #expect(listed.map(\.state) == [.failed, .pending])
        #expect(listed.first?.lastError == "recent failure")
        // The old failure is still in the table (until pruned), just not listed.
        #expect(try store.outbox(states: [.failed]).count == 2)
    }

    @Test("a standalone node prunes old finished notifications at start and lists only pending ones and the last day's failures")
    func standaloneNode() async throws {
        let dir = try TempDirectory()
        let db = dir.file("standalone.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, enabled: false))
        let now = wallMilliseconds(), day: Int64 = 86_400_000
        // As an outbox looks after months: finished rows of every age, and one row still pending.
        let rows: [(state: String, finished: Int64, error: String)] = [
            ("delivered", now - 30 * day, ""), ("failed", now - 10 * day, "ten days ago"),
            ("failed", now - 2 * day, "two days ago"), ("failed", now - 3_600_000, "an hour ago"),
            ("pending", now + day, "retrying"),
        ]
        for (index, row) in rows.enumerated() {
            try store.database.execute(
                """
                INSERT INTO alert_outbox (event_id, flip_id, check_id, contact_id, status, check_name, check_type, check_data,
                    message, state, attempts, next_attempt, claimed_until, last_error, view, created_at)
                VALUES (?, ?, ?, 999, 'offline', 'web', 'tcp', '{}', 'down', ?, 1, ?, 0, ?, 0, ?)
                """,
                [.text("e\(index)"), .text("f\(index)"), .int(check), .text(row.state), .int(row.finished), .text(row.error), .int(row.finished)]
            )
        }
        let config = try dir.write("node.cfg", "[store]\nretention = 7d\n")
        try await offPool {
            let node = try NodeProcess(["standalone", "--db", "sqlite:\(db)", "--config", config], log: dir.file("node.log"))
            // The first housekeeping round prunes; the node goes on serving.
            #expect(waitUntil(timeout: 30) { ((try? store.outbox(states: [.delivered, .failed])) ?? []).count == 2 })
            let report = try node.status()
            #expect(report.undelivered.map(\.lastError).sorted() == ["an hour ago", "retrying"])
            #expect(try store.outbox(states: [.failed]).map(\.lastError) == ["two days ago", "an hour ago"])
            #expect(try node.get("/healthz").0 == 200)
        }
    }
}
