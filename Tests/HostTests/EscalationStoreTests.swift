import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Escalations, acknowledgements and reminders at the store, with the clock given: flips
/// recorded at chosen instants and release passes run at chosen instants, as the controller
/// would run them, on an SQLite store. Every due time is a row, so these passes are exactly
/// what a controller taking over after a failover would run.
@Suite("escalation at the store")
struct EscalationStoreTests {
    let dir: TempDirectory
    let store: SQLStore
    let check: Int64
    /// Told at once.
    let first: Int64
    /// Escalated to after 5 s.
    let second: Int64
    let firstAlert: Int64
    let secondAlert: Int64
    let t0: Int64 = 1_800_000_000_000

    init() throws {
        dir = try TempDirectory("bearmon-escalation")
        store = SQLStore(database: try SQLiteDatabase(path: dir.file("escalation.sqlite")))
        try store.migrate()
        _ = try store.raiseView(to: 1, holder: "test")
        check = try store.addCheck(NewCheck(name: "db", type: "http", data: #"{"url":"http://127.0.0.1/"}"#))
        first = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/first")
        second = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/second")
        firstAlert = try store.addAlert(checkID: check, contactID: first, type: .both)
        secondAlert = try store.addAlert(checkID: check, contactID: second, type: .both)
        try store.setAlertOptions(secondAlert, AlertOptions(afterMilliseconds: 5_000))
    }

    func flip(_ status: CheckStatus, at offset: Int64) throws {
        _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "\(status)", time: t0 + offset,
                                             checkName: "db", checkType: "http", maskedData: "{}"), view: 1, budget: .unlimited)
    }

    func release(at offset: Int64) throws -> HeldRelease { try store.releaseHeld(now: t0 + offset, budget: .unlimited, view: 1) }

    /// What `contact` is told, in order: "status kind".
    func told(_ contact: Int64) throws -> [String] {
        try store.outbox(states: Set(OutboxState.allCases)).filter { $0.contactID == contact && [.pending, .delivered].contains($0.state) }
            .map { "\($0.status.rawValue) \($0.kind.rawValue)" }
    }

    @Test("an escalation waits its 5 s, goes out once with its event id fixed in advance, and the online follows it")
    func escalates() throws {
        try flip(.offline, at: 0)
        let held = try store.outbox(states: [.held])
        #expect(held.count == 1 && held[0].contactID == second && held[0].kind == .escalation && held[0].holdReason == "escalation level 1")
        #expect(try told(first) == ["offline flip"] && told(second).isEmpty)
        #expect(try release(at: 4_999).stillHeld == 1)
        #expect(try release(at: 5_000).caughtUp == 1)
        #expect(try release(at: 6_000).caughtUp == 0)
        let sent = try store.outbox(states: [.pending]).filter { $0.contactID == second }
        #expect(sent.map(\.eventID) == [held[0].eventID])
        try flip(.online, at: 10_000)
        #expect(try told(second) == ["offline escalation", "online flip"])
        #expect(try told(first) == ["offline flip", "online flip"])
    }

    @Test("a recovery before the escalation's time cancels it: the second contact hears nothing, not even the online")
    func recoveryCancels() throws {
        try flip(.offline, at: 0)
        try flip(.online, at: 2_000)
        _ = try release(at: 2_100)
        _ = try release(at: 6_000)
        #expect(try told(second).isEmpty)
        #expect(try store.outbox(states: [.held]).isEmpty)
        #expect(try told(first) == ["offline flip", "online flip"])
        // The next outage escalates again, on its own.
        try flip(.offline, at: 20_000)
        _ = try release(at: 25_000)
        #expect(try told(second) == ["offline escalation"])
    }

    @Test("an acknowledgement holds the escalation until it expires, then it resumes; one for the whole outage clears on recovery")
    func acknowledgements() throws {
        try flip(.offline, at: 0)
        let ack = try store.acknowledge(check: check, by: "local:alice", comment: "on it", until: t0 + 8_000, now: t0 + 1_000)
        #expect(try store.activeAcks(now: t0 + 1_000)[check] == ack)
        #expect(try release(at: 6_000).stillHeld == 1)
        #expect(try told(second).isEmpty)
        #expect(try store.activeAcks(now: t0 + 8_000).isEmpty)
        #expect(try release(at: 8_000).caughtUp == 1)
        #expect(try told(second) == ["offline escalation"])

        try flip(.online, at: 9_000)
        try flip(.offline, at: 10_000)
        _ = try store.acknowledge(check: check, by: "ops-token", comment: "", until: nil, now: t0 + 10_500)
        #expect(try release(at: 60_000).stillHeld == 1)
        try flip(.online, at: 61_000)
        #expect(try store.activeAcks(now: t0 + 61_000).isEmpty)
        _ = try release(at: 61_100)
        #expect(try told(second) == ["offline escalation", "online flip"])
        #expect(throws: StoreError.self) { try store.acknowledge(check: check, by: "x", comment: "", until: nil, now: t0 + 62_000) }
    }

    @Test("reminders every 3 s with their count, stopped by an acknowledgement and by the recovery")
    func reminders() throws {
        try store.setAlertOptions(firstAlert, AlertOptions(repeatMilliseconds: 3_000))
        try flip(.offline, at: 0)
        #expect(try release(at: 2_999).caughtUp == 0)
        #expect(try release(at: 3_000).caughtUp == 1)
        // Twice at the same instant (a pass run again after a failover) writes it once.
        _ = try release(at: 3_000)
        _ = try release(at: 5_999)
        _ = try release(at: 6_000)
        let reminders = try store.outbox(states: [.pending]).filter { $0.kind == .reminder }
        #expect(reminders.map(\.missed) == [1, 2])
        #expect(reminders.allSatisfy { $0.contactID == first && $0.detail.hasPrefix("still offline for") })
        _ = try store.acknowledge(check: check, by: "local:bob", comment: "", until: nil, now: t0 + 6_500)
        _ = try release(at: 12_000)
        #expect(try store.outbox(states: [.pending]).filter { $0.kind == .reminder }.count == 2)
        try store.clearAck(check: check, now: t0 + 12_500)
        _ = try release(at: 12_600)
        try flip(.online, at: 13_000)
        _ = try release(at: 30_000)
        #expect(try told(first) == ["offline flip", "offline reminder", "offline reminder", "offline reminder", "online flip"])
    }

    @Test("fallback loops and hostile durations are refused with the reason")
    func refusals() throws {
        try store.setAlertOptions(firstAlert, AlertOptions(fallbackContactID: second))
        #expect(throws: StoreError.self) { try store.setAlertOptions(secondAlert, AlertOptions(fallbackContactID: first)) }
        #expect(throws: StoreError.self) { try store.setAlertOptions(firstAlert, AlertOptions(fallbackContactID: first)) }
        #expect(throws: StoreError.self) { try store.setAlertOptions(firstAlert, AlertOptions(fallbackContactID: 999)) }
        #expect(throws: StoreError.self) { try store.setAlertOptions(firstAlert, AlertOptions(afterMilliseconds: -1)) }
        #expect(throws: StoreError.self) { try store.setAlertOptions(firstAlert, AlertOptions(repeatMilliseconds: AlertOptions.longest + 1)) }
        #expect(try store.alertOptions()[secondAlert] == AlertOptions(afterMilliseconds: 5_000))
        #expect(try store.alertOptions()[firstAlert] == AlertOptions(fallbackContactID: second))
    }

    @Test("a delivery that fails for good falls back to the alert's fallback contact with its own event id naming the original; the online follows the same path once")
    func fallback() throws {
        let third = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/third")
        try store.setAlertOptions(firstAlert, AlertOptions(fallbackContactID: third))
        try flip(.offline, at: 0)
        let original = try #require(try store.outbox(states: [.pending]).first { $0.contactID == first })
        try store.completeOutbox(original.id, outcome: .failed(error: "HTTP 400"), now: t0 + 100, view: 1)
        let stand = try store.outbox(states: [.pending]).filter { $0.contactID == third }
        #expect(stand.count == 1 && stand[0].kind == .fallback && stand[0].status == .offline && stand[0].eventID != original.eventID)
        #expect(stand.first?.detail.hasPrefix("fallback from contact \(first): event \(original.eventID)") == true, "\(stand)")
        try flip(.online, at: 10_000)
        let online = try #require(try store.outbox(states: [.pending]).first { $0.contactID == first && $0.status == .online })
        try store.completeOutbox(online.id, outcome: .failed(error: "HTTP 400"), now: t0 + 10_100, view: 1)
        #expect(try told(third) == ["offline fallback", "online fallback"])
        // A test notification never falls back.
        let test = try store.queueTestNotification(contactID: first, now: t0 + 11_000, lease: .seconds(30))
        try store.completeTestNotification(test.id, outcome: .failed(error: "HTTP 400"), now: t0 + 11_000)
        #expect(try told(third).count == 2)
    }
}
