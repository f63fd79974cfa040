import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// `removed` end to end: checks deleted or disabled with `bearmon checks rm|disable --db` while a standalone node
/// runs them (or while it is down after a kill -9), told to a real webhook receiver.
@Suite("removed end to end")
struct RemovedEndToEndTests {
    @Test("deleting or disabling a check that is offline sends one removed online; one that is online sends nothing",
          arguments: ["rm", "disable"], [false, true])
    func deleteChecks(action: String, crash: Bool) async throws {
        let node = try await LedgerNode()
        let down = try node.addCheck("down")
        let up = try node.addCheck("up")
        let hook = try node.addWebhook()
        for check in [down, up] { try node.alert(check, hook) }

        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([down, up]) else { return "the checks never ran" }
            try node.set("down", up: false)
            guard waitUntil(timeout: 30, { node.notes.count == 1 }) else { return "the offline was not sent" }
            if crash, !node.crashWhenIdle() { return "the offline stayed pending" }
            for check in [down, up] {
                let result = try Command.runBlocking(TestPaths.bearmon, ["checks", action, "\(check)", "--db", "sqlite:\(node.db)"], timeout: 60)
                guard result.status == 0 else { return "checks \(action) \(check) failed: \(result.stderr)" }
            }
            if crash { try node.start() }
            guard waitUntil(timeout: 30, { node.notes.count >= 2 }) else { return "the removed notification was not sent" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let notes = node.notes
        #expect(notes.map(\.checkID) == [down, down], "\(notes)")
        #expect(notes.map(\.status) == ["offline", "online"], "\(notes)")
        #expect(notes.map(\.kind) == ["flip", "removed"], "\(notes)")
        #expect(Set(notes.map(\.eventID)).count == 2)
        let rows = node.outbox()
        #expect(rows.map(\.state) == [.delivered, .delivered], "\(rows)")
        #expect(Set(rows.map(\.eventID)) == Set(notes.map(\.eventID)))
        #expect(try node.store.ledger().isEmpty)
    }
}
