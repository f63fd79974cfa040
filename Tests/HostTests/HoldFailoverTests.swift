import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// A maintenance window across a controller failover in a real cluster (viewserver, three
/// workers, MariaDB): the held rows are in the store, so the next controller, under its own
/// view, releases them exactly once.
@Suite("holds across a failover")
struct HoldFailoverTests {
    @Test("kill -9 the controller while a window holds an offline: the new controller sends one catch-up offline when it ends, then the online")
    func windowAcrossFailover() async throws {
        let outage = try await FailoverTests.Outage()
        let (cluster, check) = (outage.cluster, outage.check)
        let window = try cluster.store.addMaintenance(.openForTest(.check(check)), now: wallMilliseconds())
        let notes: @Sendable () -> WebhookNotes = { outage.notes }

        let outcome = try await offPool { () -> String? in
            try cluster.start()
            try outage.set("down")
            guard waitUntil(timeout: 60, { ((try? cluster.store.outbox(states: [.held])) ?? []).count == 1 }) else { return "the offline was not held" }
            guard let first = cluster.controllerNumber() else { return "no controller" }
            cluster.crashWorker(first)
            guard cluster.awaitNewController(replacing: first) != nil else { return "no new controller" }
            guard notes().fields.isEmpty else { return "notified during the window" }
            try cluster.store.endWindow(window, in: 1_000)
            guard waitUntil(timeout: 60, { notes().fields.count >= 1 }) else { return "no catch-up after the window" }
            try outage.set("up")
            guard waitUntil(timeout: 60, { notes().fields.count >= 2 }) else { return "no online after the catch-up" }
            // A quiet spell in which a doubled notification would show.
            _ = waitUntil(timeout: 3) { false }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(cluster.logs.suffix(8_000))")
        #expect(notes().statuses == ["offline", "online"])
        #expect(notes().fields.map { $0["kind"] as? String } == ["catch_up", "flip"])
        #expect(Set(notes().eventIDs).count == 2)
        let rows = try cluster.store.outbox(states: Set(OutboxState.allCases))
        #expect(rows.map(\.state) == [.cancelled, .delivered, .delivered], "\(rows)")
        #expect(rows.filter { $0.state == .delivered }.map(\.eventID) == notes().eventIDs)
        #expect(try cluster.store.ledger().map(\.status) == [.online])
    }
}
