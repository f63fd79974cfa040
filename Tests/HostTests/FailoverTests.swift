import BearmonSystem
import Foundation
import Glibc
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

/// Views, leases and fencing with real processes: controllers and workers killed with
/// SIGKILL, the viewserver restarted.
@Suite("failover", .serialized)
struct FailoverTests {
    /// A cluster with a switchable HTTP target and a webhook receiver on one alerted check.
    struct Outage {
        let cluster: Cluster
        let state: TempDirectory
        let target: FixtureHTTPServer
        let receiver: FixtureHTTPServer
        let check: Int64

        init(confirmations: Int = 2, delay: Int64 = 1, workerConfig: (Int) -> String = { _ in "" }) async throws {
            cluster = try await Cluster(confirmations: confirmations, workerConfig: workerConfig)
            state = try TempDirectory("bearmon-switch")
            let statePath = state.path
            target = try await offPool { try FixtureHTTPServer(state: statePath) }
            receiver = try await FixtureHTTPServer.recorder()
            check = try cluster.store.addCheck(NewCheck(name: "web", type: "http", data: #"{"url":"\#(target.url("/switch/web"))","expect_status":200}"#, interval: 1, delay: delay))
            let contact = try cluster.store.addContact(type: "webhook", data: receiver.url("/record"))
            _ = try cluster.store.addAlert(checkID: check, contactID: contact, type: .both)
        }

        func set(_ value: String) throws { try state.write("web", value) }
        var notes: WebhookNotes { WebhookNotes(receiver) }
        func events() throws -> [String] {
            try cluster.store.database.query("SELECT type FROM check_events WHERE check_id = ? ORDER BY id", [.int(check)]).map { $0.string(0) }
        }
    }

    @Test("kill -9 the controller after the offline alert: the new one sends exactly one online, and no second offline")
    func controllerDiesMidOutage() async throws {
        let outage = try await Outage()
        let (first, second, notified, recovered) = try await offPool { () -> (Int?, Int?, Bool, Bool) in
            try outage.cluster.start()
            _ = waitUntil(timeout: 4) { false }
            try outage.set("down")
            let notified = waitUntil(timeout: 60) { outage.notes.statuses == ["offline"] }
            let first = outage.cluster.controllerNumber()
            if let first { outage.cluster.crashWorker(first) }
            let second = first.flatMap { outage.cluster.awaitNewController(replacing: $0) }
            // The outage goes on under the new controller: it must not notify again.
            _ = waitUntil(timeout: 6) { false }
            try outage.set("up")
            let recovered = waitUntil(timeout: 60) { outage.notes.statuses.count >= 2 }
            _ = waitUntil(timeout: 4) { false }
            return (first, second, notified, recovered)
        }
        #expect(notified && recovered, "\(outage.cluster.logs)")
        #expect(first != nil && second != nil && first != second)
        #expect(outage.notes.statuses == ["offline", "online"])
        #expect(Set(outage.notes.eventIDs).count == 2)
        #expect(try outage.events() == ["offline", "online"])
    }

    @Test("kill -9 the controller between the flip's transaction and the send: the new controller sends it")
    func controllerDiesBeforeSending() async throws {
        let outage = try await Outage()
        let (held, pendingEvent, delivered) = try await offPool { () -> (Bool, String?, Bool) in
            try outage.cluster.startViewserver()
            // Worker 1 starts first, so it becomes the controller, and holds its outbox.
            try outage.cluster.startWorker(1, environment: ["BEARMON_TEST_HOLD_OUTBOX": "1"])
            let held = waitUntil(timeout: 30) { outage.cluster.controllerNumber() == 1 }
            try outage.cluster.startWorker(2)
            try outage.cluster.startWorker(3)
            _ = waitUntil(timeout: 30) { (try? outage.cluster.status().workers.filter(\.alive).count) == 3 }
            try outage.set("down")
            _ = waitUntil(timeout: 60) { ((try? outage.cluster.store.outbox(states: [.pending])) ?? []).count == 1 }
            let pending = try outage.cluster.store.outbox(states: [.pending]).first?.eventID
            outage.cluster.crashWorker(1)
            let delivered = waitUntil(timeout: 60) { !outage.notes.eventIDs.isEmpty }
            _ = waitUntil(timeout: 3) { false }
            return (held, pending, delivered)
        }
        #expect(held)
        let event = try #require(pendingEvent, "\(outage.cluster.logs)")
        #expect(delivered, "\(outage.cluster.logs)")
        // Received once or twice, never lost, and always with the flip's one event id.
        #expect((1...2).contains(outage.notes.eventIDs.count))
        #expect(outage.notes.eventIDs.allSatisfy { $0 == event })
        #expect(outage.notes.statuses.allSatisfy { $0 == "offline" })
        #expect(try outage.events() == ["offline"])
    }

    @Test("stop the viewserver and restart it: monitoring goes on, nothing flips, the view never goes back")
    func viewserverRestart() async throws {
        let cluster = try await Cluster()
        let check = try cluster.store.addCheck(NewCheck(name: "noop", type: "fixture_noop", data: "{}", interval: 1, delay: 0))
        @Sendable func results() -> Int64 {
            (try? cluster.store.database.query("SELECT COUNT(*) FROM check_results WHERE check_id = ?", [.int(check)]).first?.int(0)) ?? 0
        }
        let (before, during, after, viewBefore, viewAfter) = try await offPool { () -> (Int64, Int64, Int64, Int64, Int64) in
            try cluster.start()
            _ = waitUntil(timeout: 20) { results() >= 3 }
            let viewBefore = try cluster.status().view?.number ?? -1
            cluster.viewserver?.stop()
            let before = results()
            // Longer than the lease: the controller keeps its view through the database fence.
            _ = waitUntil(timeout: 6) { false }
            let during = results()
            try cluster.startViewserver()
            _ = waitUntil(timeout: 30) { (try? cluster.status()) != nil }
            _ = waitUntil(timeout: 4) { false }
            let viewAfter = try cluster.status().view?.number ?? -1
            return (before, during, results(), viewBefore, viewAfter)
        }
        #expect(during - before >= 3, "results while the viewserver was down: \(during - before)\n\(cluster.logs)")
        #expect(after > during)
        #expect(viewAfter >= viewBefore && viewBefore >= 1)
        #expect(try cluster.store.database.query("SELECT COUNT(*) FROM check_events").first?.int(0) == 0)
    }

    @Test("kill -9 a worker: its checks go to the others and none stays locked")
    func workerDies() async throws {
        let cluster = try await Cluster()
        for index in 1...6 { _ = try cluster.store.addCheck(NewCheck(name: "noop \(index)", type: "fixture_noop", data: "{}", interval: 1, delay: 0)) }
        let (victim, report) = try await offPool { () -> (Int, StatusReport) in
            try cluster.start()
            _ = waitUntil(timeout: 20) { (try? cluster.status().checks.allSatisfy { $0.lastResult != nil }) == true }
            let controller = cluster.controllerNumber() ?? 1
            let victim = controller == 3 ? 2 : 3
            cluster.crashWorker(victim)
            // A lock lasts the type's maximum run time (1 s) plus a 5 s margin.
            _ = waitUntil(timeout: 10) { false }
            return (victim, try cluster.status())
        }
        let dead = "w\(victim)"
        let now = wallMilliseconds()
        for check in report.checks {
            #expect(check.lockedBy != dead, "check \(check.id) is still locked by the dead worker")
            let last = try #require(check.lastResult)
            #expect(last.node != dead)
            #expect(now - last.time < 5_000, "check \(check.id) last ran \(now - last.time) ms ago")
        }
        #expect(report.workers.first { $0.node == dead }?.alive != true || report.workers.count == 3)
    }
}
