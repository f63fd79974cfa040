import BearmonSystem
import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// The controller's flip writer, in process, against SQLite with triggers that make the
/// database refuse chosen rows (as a strict MySQL or a damaged table would): a refused flip
/// holds only its own check, and alerting's self-check says so.
@Suite("flip writer: no head-of-line blocking")
struct FlipWriterTests {
    let fixture: FixtureHost
    let store: SQLStore
    let dir: TempDirectory
    let controller: Controller

    init() async throws {
        var settings = ControllerSettings(node: "test", confirmations: 1)
        settings.heldFlipRetry = .milliseconds(300)
        settings.maxFlipWait = .seconds(60)
        let harness = try await InProcessController(settings: settings)
        (fixture, dir, store, controller) = (harness.fixture, harness.dir, harness.store, harness.controller)
    }

    /// Makes SQLite refuse inserts into `table` that match `condition`, as a constraint would;
    /// the trigger is named `refuse_TABLE`.
    private func refuse(_ table: String, when condition: String, saying reason: String) throws {
        try store.database.execute("CREATE TRIGGER refuse_\(table) BEFORE INSERT ON \(table) WHEN \(condition) BEGIN SELECT RAISE(ABORT, '\(reason)'); END")
    }

    private func addCheck(_ name: String) throws -> Int64 {
        let id = try store.addCheck(NewCheck(name: name, type: "fixture", data: #"{"mode":"online"}"#, interval: 1, delay: 0))
        let contact = try store.addContact(type: "fixture", data: "to-\(name)")
        _ = try store.addAlert(checkID: id, contactID: contact, type: .both)
        return id
    }

    /// Plays worker "w": takes whatever is due and reports `statuses[id]` for each, until
    /// every check in `statuses` has reported once (or about 10 s pass).
    private func report(_ statuses: [Int64: (CheckStatus, String)]) async {
        var left = Set(statuses.keys)
        for _ in 0..<40 where !left.isEmpty {
            let assignments = await controller.exchange(worker: "w", results: [], capacity: 10, wait: .milliseconds(500))
            let results = assignments.compactMap { assignment -> WorkerResult? in
                let (status, message) = statuses[assignment.checkID] ?? (.online, "fine")
                left.remove(assignment.checkID)
                return WorkerResult(checkID: assignment.checkID, token: assignment.token, status: status, message: message, latencyMilliseconds: 1)
            }
            _ = await controller.exchange(worker: "w", results: results, capacity: 0, wait: .milliseconds(0))
        }
        #expect(left.isEmpty, "never assigned: \(left)")
    }

    private func flips(_ id: Int64) throws -> [(status: String, message: String)] {
        try store.database.query("SELECT status, message FROM check_flips WHERE check_id = ? ORDER BY time, rowid", [.int(id)])
            .map { ($0.string(0), $0.string(1)) }
    }

    /// Runs housekeeping (which restarts the writer for held checks) until `done` or ~10 s.
    private func maintain(until done: () throws -> Bool) async rethrows -> Bool {
        for _ in 0..<100 {
            await controller.maintain()
            if try done() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test("a flip the store refuses waits alone, keeps its check's order, and is written once the store takes it")
    func refusedFlipHoldsOnlyItsCheck() async throws {
        let stuck = try addCheck("stuck")
        let canary = try addCheck("canary")
        try refuse("check_flips", when: "NEW.check_id = \(stuck)", saying: "refused for the test")
        try await controller.takeView(1)
        await report([stuck: (.offline, "stuck down"), canary: (.offline, "canary down")])
        #expect(try await maintain { try !flips(canary).isEmpty })
        #expect(try flips(stuck).isEmpty)
        #expect(try await maintain { controller.alerting.health?.heldChecks == [stuck] })
        let health = try #require(controller.alerting.health)
        #expect(!health.isOK)
        #expect(health.summary.contains("check \(stuck)"), "\(health.summary)")
        #expect(health.summary.contains("refused for the test"), "\(health.summary)")

        // Its recovery is decided while its offline still waits: it must not overtake it.
        await report([stuck: (.online, "stuck up")])
        #expect(try flips(stuck).isEmpty)
        try store.database.execute("DROP TRIGGER refuse_check_flips")
        #expect(try await maintain { try flips(stuck).count == 2 })
        #expect(try flips(stuck).map(\.status) == ["offline", "online"])
        #expect(try store.database.query("SELECT type FROM check_events WHERE check_id = ? ORDER BY id", [.int(stuck)]).map { $0.string(0) } == ["offline", "online"])
        #expect(try await maintain { controller.alerting.health?.isOK == true })
    }

    @Test("a flip refused for its message is written with a placeholder that says why")
    func refusedMessageGetsPlaceholder() async throws {
        let poisoned = try addCheck("poisoned")
        try refuse("check_flips", when: "NEW.message LIKE '%poison%'", saying: "bad message")
        try await controller.takeView(1)
        await report([poisoned: (.offline, "poison in the reply")])
        #expect(try await maintain { try !flips(poisoned).isEmpty })
        let message = try #require(try flips(poisoned).first?.message)
        #expect(message.hasPrefix("(the result's message could not be stored"), "\(message)")
        #expect(message.contains("bad message"), "\(message)")
        #expect(try store.outbox(states: [.pending]).count == 1)
        #expect(await controller.alerting.health?.heldChecks == [])
    }

    @Test("a result batch the store refuses is written row by row, dropping only the refused row")
    func historyRowByRow() async throws {
        let good = try addCheck("good")
        let bad = try addCheck("bad")
        try refuse("check_results", when: "NEW.check_id = \(bad)", saying: "no results for bad")
        try await controller.takeView(1)
        await report([good: (.online, "fine"), bad: (.online, "fine")])
        await controller.flushHistory()
        #expect(try store.database.query("SELECT COUNT(*) FROM check_results WHERE check_id = ?", [.int(good)]).first?.int(0) == 1)
        #expect(try store.database.query("SELECT COUNT(*) FROM check_results WHERE check_id = ?", [.int(bad)]).first?.int(0) == 0)
    }

    @Test("a result carried again (the answer to its ask was lost) goes into the history once; the next run's result goes in, once")
    func repeatedResultCountsOnce() async throws {
        let check = try addCheck("carried twice")
        try await controller.takeView(1)
        var results: [WorkerResult] = []
        for _ in 0..<20 where results.isEmpty {
            let assignments = await controller.exchange(worker: "w", results: [], capacity: 10, wait: .milliseconds(500))
            results = assignments.filter { $0.checkID == check }.map { WorkerResult(checkID: $0.checkID, token: $0.token, status: .online, message: "fine", latencyMilliseconds: 3) }
        }
        try #require(results.count == 1)
        for _ in 0..<3 { _ = await controller.exchange(worker: "w", results: results, capacity: 0, wait: .zero) }
        await controller.flushHistory()
        let count = { try self.store.database.query("SELECT COUNT(*) FROM check_results WHERE check_id = ?", [.int(check)]).first?.int(0) ?? -1 }
        #expect(try count() == 1)
        // The next run's result is new.
        var next: [WorkerResult] = []
        for _ in 0..<40 where next.isEmpty {
            let assignments = await controller.exchange(worker: "w", results: [], capacity: 10, wait: .milliseconds(500))
            next = assignments.filter { $0.checkID == check }.map { WorkerResult(checkID: $0.checkID, token: $0.token, status: .online, message: "fine", latencyMilliseconds: 3) }
        }
        try #require(next.count == 1 && next[0].token != results[0].token)
        for _ in 0..<2 { _ = await controller.exchange(worker: "w", results: next, capacity: 0, wait: .zero) }
        await controller.flushHistory()
        #expect(try count() == 2)
    }

    @Test("the live status reports each result's real latency, not 0")
    func liveLatency() async throws {
        let check = try addCheck("timed")
        try await controller.takeView(1)
        var reported = false
        for _ in 0..<20 where !reported {
            let assignments = await controller.exchange(worker: "w", results: [], capacity: 10, wait: .milliseconds(500))
            let results = assignments.map { WorkerResult(checkID: $0.checkID, token: $0.token, status: .online, message: "fine", latencyMilliseconds: 42.5) }
            reported = !results.isEmpty
            _ = await controller.exchange(worker: "w", results: results, capacity: 0, wait: .milliseconds(0))
        }
        let report = try await controller.status(address: nil)
        #expect(report.checks.first { $0.id == check }?.lastResult?.latencyMs == 42.5)
    }
}
