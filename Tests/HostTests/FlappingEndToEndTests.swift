import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Flapping end to end (issue 22): a standalone node with `[alerting] flapping = 0.3` runs an
/// http check against a loopback target that changes every 2 intervals, and notifies a real
/// webhook receiver; every notification is counted with its event id, across a kill -9 of
/// the node while the check flaps where the test says so.
@Suite("flapping end to end")
struct FlappingEndToEndTests {
    @Test("a target flapping every 2 intervals: one flapping notification, flips held while it lasts, then one catch_up when it settles",
          arguments: [false, true])
    func flapping(crash: Bool) async throws {
        let smtp = try await offPool { try FixtureSMTPServer(.init(identity: nil, auth: false)) }
        let node = try await LedgerNode(config: """
            [alerting]
            flapping = 0.3
            [smtp]
            host = 127.0.0.1
            port = \(smtp.port)
            from = bearmon <noreply@bearmon.test>
            insecure = true
            """)
        let check = try node.addCheck("flappy")
        let hook = try node.addWebhook()
        let mail = try node.store.addContact(type: "email", data: "ops@bearmon.test")
        try node.alert(check, hook)
        try node.alert(check, mail)
        @Sendable func flappingNotes() -> [ReceivedNote] { node.notes.filter { $0.kind == "flapping" } }
        /// Toggles the target every 2 s (two intervals) `times` times, or until `stop` holds.
        @Sendable func toggle(from up: inout Bool, times: Int, until stop: () -> Bool = { false }) throws {
            for _ in 0..<times {
                up.toggle()
                try node.set("flappy", up: up)
                _ = waitUntil(timeout: 2) { false }
                if stop() { return }
            }
        }
        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            var up = true
            try toggle(from: &up, times: 40) { !flappingNotes().isEmpty }
            guard flappingNotes().count == 1 else { return "no flapping notification after 80 s of flapping: \(node.notes)" }
            let heldBefore = node.outbox().filter { $0.state == .held }.count
            if crash {
                guard node.crashWhenIdle() else { return "the outbox did not empty before the crash" }
                try node.start()
            }
            // It keeps flapping: its flips are recorded and held.
            try toggle(from: &up, times: 4)
            guard node.outbox().filter({ $0.state == .held }).count > heldBefore else { return "no flip was held while flapping: \(node.outbox())" }
            // Settle on the state the contact did not last hear, so that the end owes it a catch-up.
            let lastHeard = try node.store.ledger().first { $0.checkID == check }?.status ?? .online
            try node.set("flappy", up: lastHeard == .offline)
            guard waitUntil(timeout: 90, { node.notes.contains { $0.kind == "catch_up" } }) else { return "no catch_up after it settled: \(node.outbox())" }
            guard node.awaitSettled(receivedCount: { node.notes.count + smtp.messages.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let notes = node.notes
        #expect(notes.filter { $0.kind == "flapping" }.count == 1, "\(notes)")
        let start = try #require(notes.firstIndex { $0.kind == "flapping" })
        // After the flapping notice: exactly one catch_up, of the state it settled on, and nothing else.
        let after = Array(notes[(start + 1)...])
        #expect(after.map(\.kind) == ["catch_up"], "\(notes)")
        #expect(after.first?.status == node.status(check), "\(notes)")
        #expect(Set(notes.map(\.eventID)).count == notes.count, "an event id arrived twice: \(notes)")
        let rows = node.outbox()
        let catchUp = try #require(rows.first { $0.kind == .catchUp })
        #expect(catchUp.detail.hasPrefix("flapping ended; "), "\(catchUp)")
        #expect(rows.allSatisfy { $0.state != .held && $0.state != .pending }, "\(rows)")
        // The e-mails say what happened: one "Check flapping", then one catch-up that says it ended.
        let mails = smtp.messages.map { (($0["headers"] as? [String: String])?["Subject"] ?? "", $0["body"] as? String ?? "") }
        let flappingMails = mails.filter { $0.0 == "Check flapping: flappy" }
        #expect(flappingMails.count == 1 && flappingMails[0].1.contains("Check [flappy] is flapping, now ") && flappingMails[0].1.contains("flapping started: "),
                "\(mails)")
        let catchUpMails = mails.filter { $0.0.contains("(catch-up)") }
        #expect(catchUpMails.count == 1 && catchUpMails[0].1.contains("(flapping ended; "), "\(mails)")
        let state = try #require(try node.store.alertStates()[check])
        #expect(state.flappingSince == nil && state.states.count == FlappingRule.kept, "\(state)")
    }
}
