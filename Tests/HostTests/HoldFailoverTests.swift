import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// A maintenance window and a budget across a controller failover in a real cluster
/// (viewserver, three workers, MariaDB): the held rows are in the store, so the next
/// controller, under its own view, releases them exactly once.
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

    @Test("kill -9 the controller while the budget holds an offline: the new controller sends it as one catch-up when the hour has room, then the online")
    func budgetAcrossFailover() async throws {
        let window: Int64 = 20_000
        let outage = try await FailoverTests.Outage(delay: 0) { _ in "[notify]\nmaxPerHour = 3" }
        let cluster = outage.cluster
        let notes: @Sendable () -> WebhookNotes = { outage.notes }
        @Sendable func status() -> String? { (try? cluster.store.checkRow(outage.check))?.status }

        let outcome = try await offPool { () -> String? in
            try cluster.start(environment: ["BEARMON_TEST_BUDGET_WINDOW_MS": "\(window)"])
            // Offline and online are sent; the second offline has no room for itself and its online.
            for (step, state) in ["down", "up", "down"].enumerated() {
                try outage.set(state)
                guard waitUntil(timeout: 60, { status() == (state == "up" ? "online" : "offline") }) else { return "flip \(step + 1) did not happen" }
            }
            guard waitUntil(timeout: 30, { ((try? cluster.store.outbox(states: [.held])) ?? []).count == 1 }) else {
                return "the second offline was not held: \((try? cluster.store.outbox(states: Set(OutboxState.allCases))) ?? [])"
            }
            guard let first = cluster.controllerNumber() else { return "no controller" }
            cluster.crashWorker(first)
            guard cluster.awaitNewController(replacing: first) != nil else { return "no new controller" }
            guard waitUntil(timeout: 60, { notes().fields.count >= 3 }) else { return "no catch-up" }
            try outage.set("up")
            guard waitUntil(timeout: 60, { notes().fields.count >= 4 }) else { return "no online after the catch-up" }
            // A quiet spell in which a doubled notification would show.
            _ = waitUntil(timeout: 3) { false }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(cluster.logs.suffix(8_000))")
        #expect(notes().statuses == ["offline", "online", "offline", "online"])
        #expect(notes().fields.map { $0["kind"] as? String } == ["flip", "flip", "catch_up", "flip"])
        #expect(Set(notes().eventIDs).count == 4)
        let rows = try cluster.store.outbox(states: Set(OutboxState.allCases))
        #expect(rows.filter { $0.state == .delivered }.map(\.eventID) == notes().eventIDs, "\(rows)")
        let catchUp = try #require(rows.first { $0.kind == .catchUp })
        #expect(catchUp.missed == 1 && catchUp.detail.contains("budget 3/h"), "\(catchUp)")
        // Held under the first controller's view, released under the next one's.
        let held = try #require(rows.first { $0.state == .cancelled })
        #expect(catchUp.view > held.view, "\(rows)")
        // The catch-up waited until the window had room for it and its online: the first offline had left it.
        let sent = rows.filter { $0.state == .delivered }
        #expect(catchUp.createdAt - sent[0].createdAt >= window, "\(rows)")
    }
}
