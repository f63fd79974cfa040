import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Maintenance windows and silences end to end: a standalone node runs real http checks
/// against switchable loopback targets and notifies a real webhook receiver and a real SMTP
/// server. Per contact, every notification is counted by event id and by its sequence of
/// statuses, across a kill -9 of the node in the middle of the hold.
@Suite("holds end to end")
struct HoldEndToEndTests {
    /// How the hold over the checks ends.
    enum Ending: String, CaseIterable, CustomTestStringConvertible, Sendable {
        /// A one-off maintenance window reaches its end.
        case windowEnds
        /// A silence reaches its expiry.
        case silenceExpires
        /// A silence is removed before its expiry.
        case silenceRemoved

        var testDescription: String { rawValue }
    }

    /// One e-mail as the SMTP server got it.
    struct Mail: Equatable {
        let checkID: Int64
        let status: String
        let eventID: String
    }

    /// The e-mails `smtp` accepted, oldest first, read from their subject and body.
    static func mails(_ smtp: FixtureSMTPServer) -> [Mail] {
        smtp.messages.map { message in
            let subject = (message["headers"] as? [String: String])?["Subject"] ?? ""
            let lines = (message["body"] as? String ?? "").components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }
            func field(_ name: String) -> String { lines.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) } ?? "" }
            let status = subject.hasPrefix("Check offline") ? "offline" : subject.hasPrefix("Check online") ? "online" : subject
            return Mail(checkID: Int64(field("Check ID")) ?? 0, status: status, eventID: field("Event ID"))
        }
    }

    @Test("an outage over before the hold ends sends nothing, during or after; one still on at its end sends one catch-up offline, then its online",
          arguments: Ending.allCases, [false, true])
    func outageUnderHold(ending: Ending, crash: Bool) async throws {
        let smtp = try await offPool { try FixtureSMTPServer(.init(identity: nil, auth: false)) }
        let node = try await LedgerNode(config: """
            [smtp]
            host = 127.0.0.1
            port = \(smtp.port)
            from = bearmon <noreply@bearmon.test>
            insecure = true
            """)
        // "brief" is down and back up inside the hold; "long" is still down when it ends.
        let brief = try node.addCheck("brief", tags: ["e2e"])
        let long = try node.addCheck("long", tags: ["e2e"])
        let hook = try node.addWebhook()
        let mail = try node.store.addContact(type: "email", data: "ops@bearmon.test")
        for check in [brief, long] { for contact in [hook, mail] { try node.alert(check, contact) } }

        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([brief, long]) else { return "the checks never ran" }
            let now = wallMilliseconds()
            let hold: Int64
            switch ending {
            case .windowEnds:
                hold = try node.store.addMaintenance(.openForTest(.tag("e2e"), name: "e2e"), now: now)
            case .silenceExpires, .silenceRemoved:
                hold = try node.store.addSilence(SilenceRow(id: 0, scope: .tag("e2e"), startsAt: now - 1_000, expiresAt: now + 600_000,
                                                            comment: "known", createdBy: "test", createdAt: 0), now: now)
            }
            for name in ["brief", "long"] { try node.set(name, up: false) }
            guard waitUntil(timeout: 30, { node.outbox().filter { $0.state == .held && $0.status == .offline }.count == 4 }) else {
                return "the offline flips were not held for both contacts: \(node.outbox())"
            }
            if crash {
                node.crash()
                try node.start()
            }
            try node.set("brief", up: true)
            guard waitUntil(timeout: 30, { node.outbox().filter { $0.state == .held && $0.status == .online }.count == 2 }) else {
                return "brief's online flip was not held for both contacts: \(node.outbox())"
            }
            guard node.notes.isEmpty, Self.mails(smtp).isEmpty else { return "notified during the hold: \(node.notes) \(Self.mails(smtp))" }

            // The hold ends a second from now (the window's end and the silence's expiry are
            // moved in, so that the test waits for the outcome, not for a fixed span).
            switch ending {
            case .windowEnds: try node.store.endWindow(hold, in: 1_000)
            case .silenceExpires: try node.store.database.execute("UPDATE silences SET expires_at = ? WHERE id = ?", [.int(wallMilliseconds() + 1_000), .int(hold)])
            case .silenceRemoved: try node.store.endSilence(hold, now: wallMilliseconds())
            }
            guard waitUntil(timeout: 30, { node.notes.count >= 1 && Self.mails(smtp).count >= 1 }) else { return "no catch-up after the hold" }
            try node.set("long", up: true)
            guard waitUntil(timeout: 30, { node.notes.count >= 2 && Self.mails(smtp).count >= 2 }) else { return "no online after the catch-up" }
            guard node.awaitSettled(receivedCount: { node.notes.count + Self.mails(smtp).count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")

        // The webhook: brief's outage never reached it; long's came as one catch-up offline and one online.
        let notes = node.notes
        #expect(notes.filter { $0.checkID == brief }.isEmpty, "\(notes)")
        #expect(notes.filter { $0.checkID == long }.map(\.status) == ["offline", "online"], "\(notes)")
        #expect(notes.filter { $0.checkID == long }.map(\.kind) == ["catch_up", "flip"], "\(notes)")
        // The SMTP server: the same, by its own event ids.
        let mails = Self.mails(smtp)
        #expect(mails.filter { $0.checkID == brief }.isEmpty, "\(mails)")
        #expect(mails.filter { $0.checkID == long }.map(\.status) == ["offline", "online"], "\(mails)")
        let received = notes.map(\.eventID) + mails.map(\.eventID)
        #expect(Set(received).count == received.count, "an event id arrived twice: \(received)")

        // The outbox: what went out is exactly what arrived; everything held was cancelled.
        let rows = node.outbox()
        #expect(Set(rows.filter { $0.state == .delivered }.map(\.eventID)) == Set(received))
        #expect(rows.allSatisfy { [.delivered, .cancelled].contains($0.state) }, "\(rows)")
        #expect(rows.filter { $0.checkID == brief }.allSatisfy { $0.state == .cancelled })
        let catchUps = rows.filter { $0.kind == .catchUp }
        #expect(catchUps.count == 2 && catchUps.allSatisfy { $0.checkID == long && $0.status == .offline && $0.missed == 1 }, "\(catchUps)")
        let ledger = try node.store.ledger()
        #expect(ledger.filter { $0.checkID == long }.map(\.status) == [.online, .online], "\(ledger)")
        #expect(ledger.filter { $0.checkID == brief }.allSatisfy { $0.status == .online }, "\(ledger)")
    }

    @Test("kill -9 after the window's catch-up is written but before it is sent: the restarted node sends it once, with the event id it was written with")
    func crashBeforeCatchUpIsSent() async throws {
        let node = try await LedgerNode()
        let check = try node.addCheck("db")
        let hook = try node.addWebhook()
        try node.alert(check, hook)
        let window = try node.store.addMaintenance(.openForTest(.check(check)), now: wallMilliseconds())
        let outcome = try await offPool { () -> String? in
            // This run's outbox claims nothing: what it writes stays pending.
            try node.start(hooks: ["BEARMON_TEST_HOLD_OUTBOX": "1"])
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            try node.set("db", up: false)
            guard waitUntil(timeout: 30, { node.outbox().contains { $0.state == .held } }) else { return "the offline was not held" }
            try node.store.endWindow(window, in: 500)
            guard waitUntil(timeout: 30, { node.outbox().contains { $0.kind == .catchUp && $0.state == .pending } }) else { return "no catch-up was written" }
            node.crash()
            guard node.notes.isEmpty else { return "sent before the crash: \(node.notes)" }
            try node.start()
            guard waitUntil(timeout: 30, { !node.notes.isEmpty }) else { return "the catch-up was not sent after the restart" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let rows = node.outbox()
        let catchUp = try #require(rows.first { $0.kind == .catchUp })
        #expect(node.notes == [ReceivedNote(checkID: check, status: "offline", kind: "catch_up", eventID: catchUp.eventID)])
        #expect(rows.filter { $0.kind == .catchUp }.count == 1)
        #expect(rows.map(\.state) == [.cancelled, .delivered], "\(rows)")
        #expect(try node.store.ledger().map(\.eventID) == [catchUp.eventID])
    }
}
