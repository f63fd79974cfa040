import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Escalations, acknowledgements and reminders end to end (issue 23): a standalone node runs a
/// real http check and notifies two webhook contacts of the real receiver, told apart by
/// path; every notification is counted per contact with its event id, across a kill -9 of the
/// node while an escalation waits where the test says so.
@Suite("escalation end to end")
struct EscalationEndToEndTests {
    /// The node, its check, a contact told at once and one escalated to after 5 s.
    struct Setup {
        let node: LedgerNode
        let check: Int64
        let firstAlert: Int64
        let secondAlert: Int64

        init(after: Int64 = 5_000) async throws {
            node = try await LedgerNode()
            check = try node.addCheck("web")
            let first = try node.store.addContact(type: "webhook", data: node.fixture.url("/record/first"))
            let second = try node.store.addContact(type: "webhook", data: node.fixture.url("/record/second"))
            firstAlert = try node.store.addAlert(checkID: check, contactID: first, type: .both)
            secondAlert = try node.store.addAlert(checkID: check, contactID: second, type: .both)
            try node.store.setAlertOptions(secondAlert, AlertOptions(afterMilliseconds: after))
        }

        func told(_ name: String) -> [ReceivedNote] { node.notes.filter { $0.path == "/record/\(name)" } }
        func kinds(_ name: String) -> [String] { told(name).map { "\($0.status) \($0.kind)" } }

        /// The reminders the first contact heard.
        func reminders() -> Int { told("first").filter { $0.kind == "reminder" }.count }

        /// Starts the node, takes the check down and waits for `count` reminders to the first contact; a problem, or nil.
        func awaitReminders(_ count: Int) throws -> String? {
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            try node.set("web", up: false)
            guard waitUntil(timeout: 30, { reminders() >= count }) else { return "no \(count) reminders: \(node.notes)" }
            return nil
        }

        /// Starts the node, takes the check down and waits for the first contact's offline; a problem, or nil.
        func startOutage() throws -> String? {
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            try node.set("web", up: false)
            guard waitUntil(timeout: 30, { told("first").count >= 1 }) else { return "the first contact never heard the offline" }
            return nil
        }
    }

    /// A node whose check's one alert goes to a webhook answering `status`, falling back to a
    /// second, recording one.
    struct FallbackSetup {
        let node: LedgerNode
        let check: Int64
        let original: Int64
        let standIn: Int64

        init(answering status: Int, config: String = "") async throws {
            node = try await LedgerNode(config: config)
            check = try node.addCheck("web")
            original = try node.store.addContact(type: "webhook", data: node.fixture.url("/status/\(status)"))
            standIn = try node.store.addContact(type: "webhook", data: node.fixture.url("/record/standin"))
            let alert = try node.store.addAlert(checkID: check, contactID: original, type: .both)
            try node.store.setAlertOptions(alert, AlertOptions(fallbackContactID: standIn))
        }

        /// What the stand-in heard.
        var told: @Sendable () -> [ReceivedNote] { { [node] in node.notes.filter { $0.path == "/record/standin" } } }
    }

    @Test("the second contact hears the outage 5 s in, once, and then its online; across a kill -9 while the escalation waits", arguments: [false, true])
    func escalates(crash: Bool) async throws {
        let setup = try await Setup()
        let node = setup.node
        let outcome = try await offPool { () -> String? in
            if let problem = try setup.startOutage() { return problem }
            if crash {
                // The escalation is still held: only the database knows when it is due.
                guard node.outbox().contains(where: { $0.state == .held && $0.kind == .escalation }) else { return "no held escalation before the crash: \(node.outbox())" }
                // Killed while the escalation is held, never mid-delivery of the first offline (a
                // delivery whose record a kill loses is sent again after its lease: at least once).
                guard node.crashWhenIdle() else { return "a notification stayed pending: \(node.outbox())" }
                try node.start()
            }
            guard waitUntil(timeout: 30, { setup.told("second").count >= 1 }) else { return "the escalation never came: \(node.outbox())" }
            try node.set("web", up: true)
            guard waitUntil(timeout: 60, { setup.told("second").count >= 2 && setup.told("first").count >= 2 }) else { return "the onlines never came: \(node.notes)" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        #expect(setup.kinds("first") == ["offline flip", "online flip"], "\(node.notes)")
        #expect(setup.kinds("second") == ["offline escalation", "online flip"], "\(node.notes)")
        // The webhook body says which level it is.
        let bodies = node.fixture.recorded.filter { $0["path"] as? String == "/record/second" }.compactMap { $0["body"] as? String }
        let level = bodies.first.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["escalation_level"] as? Int
        #expect(level == 1, "\(bodies)")
        let escalation = node.outbox().first { $0.kind == .escalation }
        #expect(escalation.map { $0.createdAt + 5_000 <= wallMilliseconds() } == true)
        #expect(Set(node.notes.map(\.eventID)).count == node.notes.count, "an event id arrived twice: \(node.notes)")
    }

    @Test("bearmon ack stops the escalation: the second contact hears nothing of the outage, not even its online; the ack clears on recovery")
    func acknowledged() async throws {
        // 20 s, so that the acknowledgement surely comes first even on a loaded machine.
        let setup = try await Setup(after: 20_000)
        let node = setup.node
        let outcome = try await offPool { try setup.startOutage() }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let ack = try await Command.bearmon(["ack", String(setup.check), "--comment", "on it", "--db", "sqlite:\(node.db)"])
        #expect(ack.stdout.contains("acknowledged check \(setup.check)"), "\(ack.stdout) \(ack.stderr)")
        let status = try await Command.bearmon(["checks", "list", "--db", "sqlite:\(node.db)"])
        #expect(status.stdout.contains("acknowledged by local:"), "\(status.stdout)")
        let after = try await offPool { () -> String? in
            // Well past the escalation's due time: still held, nothing sent.
            guard let due = node.outbox().first(where: { $0.kind == .escalation })?.notBefore else { return "no escalation row" }
            _ = waitUntil(timeout: 60) { wallMilliseconds() > due + 3_000 }
            guard node.outbox().contains(where: { $0.kind == .escalation && $0.state == .held }) else { return "the escalation is no longer held: \(node.outbox())" }
            guard setup.told("second").isEmpty else { return "the acknowledged escalation went out: \(node.notes)" }
            try node.set("web", up: true)
            guard waitUntil(timeout: 30, { setup.told("first").count >= 2 }) else { return "no online to the first contact" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(after == nil, "\(after ?? "")\n\(node.logs)")
        #expect(setup.kinds("second").isEmpty, "\(node.notes)")
        #expect(setup.kinds("first") == ["offline flip", "online flip"], "\(node.notes)")
        #expect(try node.store.activeAcks(now: wallMilliseconds()).isEmpty)
        // The online says who had acknowledged the outage it ends; the offline, sent before, nobody.
        let bodies = node.fixture.recorded.filter { $0["path"] as? String == "/record/first" }.compactMap { $0["body"] as? String }
            .map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) ?? [:] }
        #expect(bodies.map { $0["acknowledged_by"] as? String ?? "?" }.map { $0.hasPrefix("local:") ? "local" : $0 } == ["", "local"], "\(bodies)")
    }

    @Test("reminders every 3 s with their count to the contact that heard the outage, stopped by an acknowledgement")
    func reminders() async throws {
        let setup = try await Setup()
        let node = setup.node
        try node.store.setAlertOptions(setup.firstAlert, AlertOptions(repeatMilliseconds: 3_000))
        let outcome = try await offPool { () -> String? in
            if let problem = try setup.awaitReminders(2) { return problem }
            _ = try node.store.acknowledge(check: setup.check, by: "test", comment: "", until: nil, now: wallMilliseconds())
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            let reminders = setup.told("first").filter { $0.kind == "reminder" }.count
            Thread.sleep(forTimeInterval: 7)
            guard setup.told("first").filter({ $0.kind == "reminder" }).count == reminders else { return "a reminder after the ack: \(node.notes)" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let counts = node.outbox().filter { $0.kind == .reminder }.map(\.missed)
        #expect(counts == Array(1...Int64(counts.count)), "\(counts)")
        #expect(Set(node.notes.map(\.eventID)).count == node.notes.count, "an event id arrived twice: \(node.notes)")
    }

    @Test("a contact that answers 400 falls back to a second one, whose online follows the same path; each event id once; across a kill -9 between the two", arguments: [false, true])
    func fallback(crash: Bool) async throws {
        let setup = try await FallbackSetup(answering: 400)
        let (node, check, dead, standIn, told) = (setup.node, setup.check, setup.original, setup.standIn, setup.told)
        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            try node.set("web", up: false)
            guard waitUntil(timeout: 30, { told().count >= 1 }) else { return "the fallback never came: \(node.outbox())" }
            if crash {
                guard node.crashWhenIdle() else { return "a notification stayed pending: \(node.outbox())" }
                try node.start()
            }
            try node.set("web", up: true)
            guard waitUntil(timeout: 30, { told().count >= 2 }) else { return "the online never followed: \(node.outbox())" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        #expect(told().map { "\($0.status) \($0.kind)" } == ["offline fallback", "online fallback"], "\(node.notes)")
        let body = node.fixture.recorded.first { $0["path"] as? String == "/record/standin" }?["body"] as? String ?? ""
        let from = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["fallback_from_contact_id"] as? Int
        #expect(from == Int(dead), "\(body)")
        let rows = node.outbox()
        #expect(rows.filter { $0.contactID == dead }.map(\.state) == [.failed, .failed], "\(rows)")
        let offline = rows.first { $0.contactID == standIn && $0.status == .offline }
        let original = rows.first { $0.contactID == dead && $0.status == .offline }
        #expect(offline?.detail.contains("fallback from contact \(dead): event \(original?.eventID ?? "?")") == true, "\(rows)")
        #expect(Set(node.notes.map(\.eventID)).count == node.notes.count, "an event id arrived twice: \(node.notes)")
    }

    @Test("an acknowledgement that runs out lets the escalation resume: held past its due time while the ack lasts, sent once it ends; across a kill -9 while acknowledged", arguments: [false, true])
    func ackExpires(crash: Bool) async throws {
        let setup = try await Setup(after: 15_000)
        let node = setup.node
        // Acknowledged through the store as soon as the outage is written (`bearmon ack --for`
        // is CLITests' and the API's): on a loaded machine a CLI process, or waiting for the
        // first contact's delivery, could come after the due time.
        let held = try await offPool { () -> OutboxEntry? in
            try node.start()
            guard node.awaitFirstResults([setup.check]) else { return nil }
            try node.set("web", up: false)
            var row: OutboxEntry?
            _ = waitUntil(timeout: 30) { row = node.outbox().first { $0.kind == .escalation && $0.state == .held }; return row != nil }
            return row
        }
        let due = try #require(held?.notBefore, "no held escalation: \(node.outbox())\n\(node.logs)")
        let now = wallMilliseconds()
        let ack = try node.store.acknowledge(check: setup.check, by: "test", comment: "", until: max(now, due) + 8_000, now: now)
        let until = try #require(ack.until)
        // The case holds only if the acknowledgement came before the due time.
        try #require(ack.createdAt < due, "acknowledged at \(ack.createdAt), due \(due): the machine was too slow for this case")
        let after = try await offPool { () -> String? in
            // Past the due time, the ack still in force: nothing sent.
            _ = waitUntil(timeout: 60) { wallMilliseconds() > due + 2_000 }
            if wallMilliseconds() < until, !setup.told("second").isEmpty { return "the escalation went out while acknowledged: \(node.notes)" }
            if crash {
                guard node.crashWhenIdle() else { return "a notification stayed pending: \(node.outbox())" }
                try node.start()
            }
            guard waitUntil(timeout: 40, { setup.told("second").count >= 1 }) else { return "the escalation never resumed: \(node.outbox())" }
            try node.set("web", up: true)
            guard waitUntil(timeout: 30, { setup.told("second").count >= 2 }) else { return "no online after the escalation" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(after == nil, "\(after ?? "")\n\(node.logs)")
        #expect(setup.kinds("second") == ["offline escalation", "online flip"], "\(node.notes)")
        // It went out only once the acknowledgement had run out.
        let sent = try node.store.database.query("SELECT delivered_at FROM alert_outbox WHERE kind = 'escalation'").first?[0].int ?? 0
        #expect(sent >= until, "escalation delivered at \(sent), the ack ran until \(until)")
        #expect(Set(node.notes.map(\.eventID)).count == node.notes.count, "an event id arrived twice: \(node.notes)")
    }

    @Test("reminders every 3 s stop when the check recovers: the online follows, then nothing more; their count goes on across a kill -9", arguments: [false, true])
    func remindersStopOnRecovery(crash: Bool) async throws {
        let setup = try await Setup(after: 600_000)
        let node = setup.node
        try node.store.setAlertOptions(setup.firstAlert, AlertOptions(repeatMilliseconds: 3_000))
        let outcome = try await offPool { () -> String? in
            if let problem = try setup.awaitReminders(2) { return problem }
            if crash {
                guard node.crashWhenIdle() else { return "a notification stayed pending: \(node.outbox())" }
                try node.start()
                let before = setup.told("first").filter { $0.kind == "reminder" }.count
                guard waitUntil(timeout: 30, { setup.told("first").filter { $0.kind == "reminder" }.count > before }) else { return "no reminder after the restart: \(node.notes)" }
            }
            try node.set("web", up: true)
            guard waitUntil(timeout: 30, { setup.told("first").contains { $0.status == "online" } }) else { return "no online" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            let count = setup.told("first").count
            Thread.sleep(forTimeInterval: 7)
            guard setup.told("first").count == count else { return "told more after the online: \(node.notes)" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let kinds = setup.kinds("first")
        #expect(kinds.first == "offline flip" && kinds.last == "online flip" && kinds.dropFirst().dropLast().allSatisfy { $0 == "offline reminder" }, "\(kinds)")
        #expect(setup.told("second").isEmpty, "\(node.notes)")
        let counts = node.outbox().filter { $0.kind == .reminder }.map(\.missed)
        #expect(counts == Array(1...Int64(max(1, counts.count))), "\(counts)")
        #expect(Set(node.notes.map(\.eventID)).count == node.notes.count, "an event id arrived twice: \(node.notes)")
    }

    @Test("a contact still failing after [notify] fallbackAfter (3 s) of retries falls back once while it keeps being retried; the online follows the same path")
    func fallbackAfterRetries() async throws {
        let setup = try await FallbackSetup(answering: 503, config: "[notify]\nfallbackAfter = 3s\n")
        let (node, check, flaky, standIn, told) = (setup.node, setup.check, setup.original, setup.standIn, setup.told)
        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            try node.set("web", up: false)
            guard waitUntil(timeout: 40, { told().count >= 1 }) else { return "the fallback never came: \(node.outbox())" }
            // The original is still being retried, and falls back no second time.
            guard node.outbox().contains(where: { $0.contactID == flaky && $0.status == .offline && $0.state == .pending }) else { return "the original stopped: \(node.outbox())" }
            try node.set("web", up: true)
            guard waitUntil(timeout: 40, { told().count >= 2 }) else { return "the online never followed: \(node.outbox())" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        #expect(told().map { "\($0.status) \($0.kind)" } == ["offline fallback", "online fallback"], "\(node.notes)")
        let rows = node.outbox()
        let original = rows.first { $0.contactID == flaky && $0.status == .offline }
        let fallbacks = rows.filter { $0.contactID == standIn && $0.status == .offline }
        #expect(fallbacks.count == 1, "\(rows)")
        #expect(fallbacks.first?.detail.contains("fallback from contact \(flaky): event \(original?.eventID ?? "?")") == true, "\(rows)")
        #expect(fallbacks.first?.detail.contains("still failing after retries") == true, "\(rows)")
        let fallbackOf = try node.store.database.query("SELECT fallback_of FROM alert_outbox WHERE event_id = ?", [.text(fallbacks.first?.eventID ?? "")]).first?[0].text
        #expect(fallbackOf == original?.eventID)
        #expect((original?.attempts ?? 0) >= 2, "\(rows)")
    }
}
