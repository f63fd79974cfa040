import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// The ledger in the store, on both backends: rows written pending or held in the flip's
/// transaction, released as one catch-up or nothing, `removed` on delete, budgets, and the
/// upgrade from schema 5.
@Suite("notification ledger in the store (SQLite and MySQL)")
struct LedgerStoreTests {
    static let hour: Int64 = 3_600_000
    static let t0: Int64 = 1_800_000_000_000

    /// A store with a tcp check, a contact of `contactType` alerted both ways, and view 1.
    private func fixture(_ backend: StoreBackend, contactType: String = "webhook") throws -> (SQLStore, AnyObject, check: Int64, contact: Int64) {
        let (store, keep) = try backend.makeStore()
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:1"}"#, interval: 1, delay: 0))
        let contact = try store.addContact(type: contactType, data: contactType == "sms" ? "+15550100" : "http://127.0.0.1:9/hook")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        #expect(try store.raiseView(to: 1, holder: "test"))
        return (store, keep, check, contact)
    }

    private func flip(_ store: SQLStore, _ check: Int64, _ status: CheckStatus, at time: Int64, budget: NotificationBudget = .unlimited) throws -> FlipRecord {
        try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "went \(status.rawValue)", time: time,
                                         checkName: "web", checkType: "tcp", maskedData: "{}"), view: 1, budget: budget)
    }

    private func rows(_ store: SQLStore) throws -> [OutboxEntry] {
        try store.outbox(states: Set(OutboxState.allCases))
    }

    @Test("an outage inside a window: held, then cancelled at its end with nothing sent", arguments: StoreBackend.allCases)
    func outageInsideWindow(backend: StoreBackend) throws {
        let (store, keep, check, _) = try fixture(backend)
        defer { withExtendedLifetime(keep) {} }
        let window = try store.addMaintenance(MaintenanceRow(id: 0, name: "deploy", scope: .check(check), timing: .oneOff(start: Self.t0, end: Self.t0 + Self.hour),
                                                             comment: "deploy", createdBy: "test", createdAt: 0), now: Self.t0)
        _ = try flip(store, check, .offline, at: Self.t0 + 1_000)
        _ = try flip(store, check, .online, at: Self.t0 + 2_000)
        #expect(try rows(store).map(\.state) == [.held, .held])
        #expect(try rows(store).allSatisfy { $0.holdReason == "maintenance \(window)" })
        #expect(try store.ledger().isEmpty)
        #expect(try store.releaseHeld(now: Self.t0 + 3_000, budget: .unlimited, view: 1) == HeldRelease(caughtUp: 0, cancelled: 0, stillHeld: 2))
        #expect(try store.releaseHeld(now: Self.t0 + Self.hour, budget: .unlimited, view: 1) == HeldRelease(caughtUp: 0, cancelled: 2, stillHeld: 0))
        #expect(try rows(store).map(\.state) == [.cancelled, .cancelled])
        // A deposed controller releases nothing.
        #expect(throws: StoreError.self) { try store.releaseHeld(now: Self.t0 + Self.hour, budget: .unlimited, view: 0) }
    }

    @Test("an outage still on at the window's end: one catch-up offline, then its online as a plain flip", arguments: StoreBackend.allCases)
    func outageOutlivesWindow(backend: StoreBackend) throws {
        let (store, keep, check, contact) = try fixture(backend)
        defer { withExtendedLifetime(keep) {} }
        _ = try store.addMaintenance(MaintenanceRow(id: 0, name: "", scope: .all, timing: .oneOff(start: Self.t0, end: Self.t0 + Self.hour),
                                                    comment: "", createdBy: "test", createdAt: 0), now: Self.t0)
        _ = try flip(store, check, .offline, at: Self.t0 + 1_000)
        _ = try flip(store, check, .online, at: Self.t0 + 2_000)
        let last = try flip(store, check, .offline, at: Self.t0 + 3_000)
        #expect(try store.releaseHeld(now: Self.t0 + Self.hour + 1, budget: .unlimited, view: 1) == HeldRelease(caughtUp: 1, cancelled: 3, stillHeld: 0))
        let catchUp = try #require(try rows(store).last)
        #expect(catchUp.kind == .catchUp && catchUp.status == .offline && catchUp.state == .pending && catchUp.missed == 3)
        #expect(catchUp.flipID == last.flipID && catchUp.since == Self.t0 + 3_000)
        #expect(try store.ledger().map(\.status) == [.offline])
        #expect(try store.ledger().first?.eventID == catchUp.eventID)
        // A second pass has nothing to do; the online after the window goes out as a flip.
        #expect(try store.releaseHeld(now: Self.t0 + Self.hour + 2, budget: .unlimited, view: 1) == HeldRelease())
        let online = try flip(store, check, .online, at: Self.t0 + Self.hour + 5_000)
        let sendable = try rows(store).filter { $0.state == .pending }
        #expect(sendable.map(\.kind) == [.catchUp, .flip] && sendable.map(\.status) == [.offline, .online])
        #expect(sendable.last?.eventID == online.eventIDs.first)
        #expect(Set(try rows(store).map(\.eventID)).count == 5, "every row has its own event id")
        _ = contact
    }

    @Test("a row queued before the window began is delivered as usual; a silence removed early releases at once", arguments: StoreBackend.allCases)
    func silenceRemovedEarly(backend: StoreBackend) throws {
        let (store, keep, check, _) = try fixture(backend)
        defer { withExtendedLifetime(keep) {} }
        _ = try flip(store, check, .offline, at: Self.t0)
        let silence = try store.addSilence(SilenceRow(id: 0, scope: .check(check), startsAt: Self.t0 + 1, expiresAt: Self.t0 + 2 * Self.hour,
                                                      comment: "known", createdBy: "alice", createdAt: 0), now: Self.t0 + 1)
        _ = try flip(store, check, .online, at: Self.t0 + 10_000)
        #expect(try rows(store).map(\.state) == [.pending, .held])
        try store.endSilence(silence, now: Self.t0 + 20_000)
        #expect(try store.silences().first?.endedAt == Self.t0 + 20_000, "kept for history")
        #expect(try store.releaseHeld(now: Self.t0 + 20_001, budget: .unlimited, view: 1).caughtUp == 1)
        #expect(try rows(store).last.map { [$0.kind.rawValue, $0.status.rawValue] } == ["catch_up", "online"])
        #expect(throws: StoreError.notFound("silence 999")) { try store.endSilence(999, now: 0) }
    }

    @Test("budget 3 for sms: a flapping target sends at most 3 in the hour, then one catch-up with the missed count", arguments: StoreBackend.allCases)
    func budget(backend: StoreBackend) throws {
        let (store, keep, check, _) = try fixture(backend, contactType: "sms")
        defer { withExtendedLifetime(keep) {} }
        let budget = NotificationBudget(perHour: 0, twilioPerHour: 3)
        for index in 0..<9 {
            _ = try flip(store, check, index.isMultiple(of: 2) ? .offline : .online, at: Self.t0 + Int64(index) * 60_000, budget: budget)
        }
        let sent = try rows(store).filter { $0.state == .pending }
        #expect(sent.count <= 3 && sent.map(\.status) == [.offline, .online])
        let held = try rows(store).filter { $0.state == .held }.count
        #expect(held == 7)
        #expect(try store.releaseHeld(now: Self.t0 + 10 * 60_000, budget: budget, view: 1).stillHeld == 7, "the hour is not over")
        let release = try store.releaseHeld(now: Self.t0 + Self.hour + 60_000, budget: budget, view: 1)
        #expect(release == HeldRelease(caughtUp: 1, cancelled: 7, stillHeld: 0))
        let catchUp = try #require(try rows(store).last)
        #expect(catchUp.kind == .catchUp && catchUp.status == .offline && catchUp.missed == 7)
        #expect(catchUp.detail.contains("7 notifications held by budget 3/h"))
    }

    @Test("removed: deleting an offline check tells its contact once; an online check, or quiet, tells nobody", arguments: StoreBackend.allCases)
    func removed(backend: StoreBackend) throws {
        let (store, keep, check, contact) = try fixture(backend)
        defer { withExtendedLifetime(keep) {} }
        let other = try store.addCheck(NewCheck(name: "up", type: "tcp", data: "{}", interval: 1, delay: 0))
        _ = try store.addAlert(checkID: other, contactID: contact, type: .both)
        _ = try flip(store, check, .offline, at: Self.t0)
        _ = try flip(store, other, .offline, at: Self.t0)
        _ = try flip(store, other, .online, at: Self.t0 + 1)
        try store.removeCheck(other)
        #expect(try rows(store).filter { $0.kind == .removed }.isEmpty)
        try store.removeCheck(check)
        let removed = try rows(store).filter { $0.kind == .removed }
        #expect(removed.count == 1 && removed.first?.status == .online && removed.first?.contactID == contact)
        #expect(removed.first?.detail == "check \(check) was deleted")
        #expect(try store.ledger().isEmpty)

        let quietCheck = try store.addCheck(NewCheck(name: "q", type: "tcp", data: "{}", interval: 1, delay: 0))
        _ = try store.addAlert(checkID: quietCheck, contactID: contact, type: .both)
        _ = try flip(store, quietCheck, .offline, at: Self.t0 + 2)
        try store.applyCatalog([.removeCheck(id: quietCheck)], quiet: true)
        #expect(try rows(store).filter { $0.kind == .removed }.count == 1)
        #expect(try store.ledger().isEmpty)
    }

    @Test("removed reaches a contact being deleted: its row keeps the contact's type and data", arguments: StoreBackend.allCases)
    func removedContact(backend: StoreBackend) throws {
        let (store, keep, check, contact) = try fixture(backend)
        defer { withExtendedLifetime(keep) {} }
        _ = try flip(store, check, .offline, at: Self.t0)
        try store.removeContact(contact)
        let removed = try #require(try rows(store).first { $0.kind == .removed })
        #expect(removed.contactType == "webhook" && removed.contactData == "http://127.0.0.1:9/hook")
        #expect(removed.detail == "contact \(contact) was deleted")
        // Disabling a check that was offline for a contact tells it too.
        let again = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/again")
        _ = try store.addAlert(checkID: check, contactID: again, type: .both)
        _ = try flip(store, check, .online, at: Self.t0 + 1)
        _ = try flip(store, check, .offline, at: Self.t0 + 2)
        try store.setCheckEnabled(check, false)
        #expect(try rows(store).filter { $0.kind == .removed }.map(\.detail) == ["contact \(contact) was deleted", "check \(check) was disabled"])
    }

    @Test("windows and silences edited into SQL as nonsense never hold a notification and never stop a flip", arguments: StoreBackend.allCases)
    func hostileRows(backend: StoreBackend) throws {
        let (store, keep, check, _) = try fixture(backend)
        defer { withExtendedLifetime(keep) {} }
        let database = store.database
        let longCron = String(repeating: "9", count: 240) + " * * * *"
        for values in [
            "(NULL, NULL, NULL, NULL, NULL)",                                  // no timing at all
            "(\(Self.t0 + Self.hour), \(Self.t0), NULL, NULL, NULL)",           // ends before it starts
            "(NULL, NULL, '* * * * *', -5, 'UTC')",                            // negative duration
            "(NULL, NULL, '* * * * *', 9223372036854775807, 'UTC')",           // huge duration
            "(NULL, NULL, '* * * * *', 3600, 'Mars/Base')",                    // unknown zone
            "(NULL, NULL, '\(longCron)', 3600, 'UTC')",                         // a 240-digit minute
            "(NULL, NULL, '61 * * * *', 3600, 'UTC')",                         // minute out of range
        ] {
            try database.execute("INSERT INTO maintenances (starts_at, ends_at, cron, duration_s, time_zone, created_at) VALUES \(values.dropLast())".replacingOccurrences(of: "VALUES (", with: "VALUES (") + ", 0)")
        }
        try database.execute("INSERT INTO silences (check_id, tag, starts_at, expires_at, created_at) VALUES (NULL, NULL, 0, -1, 0)")
        let calendar = try store.holdCalendar(now: Self.t0)
        #expect(calendar.broken.count == 7)
        _ = try flip(store, check, .offline, at: Self.t0 + 1_000)
        #expect(try rows(store).map(\.state) == [.pending])
    }

    @Test("schema 5 to 6 keeps every outbox row, now of kind flip", arguments: StoreBackend.allCases)
    func upgrade(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let database = store.database
        // Back to schema 5's outbox: drop what 6 added, then put one old-style row in.
        for table in ["notification_ledger", "maintenances", "silences", "alert_outbox"] { try database.execute("DROP TABLE \(table)") }
        try database.execute("DELETE FROM schema_version WHERE version = 6")
        let outbox = try Schema.bearmonTables.statements(on: database).first { $0.contains("CREATE TABLE IF NOT EXISTS alert_outbox") }
        try database.execute(try #require(outbox))
        try database.execute(
            """
            INSERT INTO alert_outbox (event_id, flip_id, check_id, contact_id, status, check_name, check_type, check_data, message,
                state, attempts, next_attempt, claimed_until, last_error, view, created_at)
            VALUES ('e-old', 'f-old', 1, 1, 'offline', 'web', 'tcp', '{}', 'down', 'pending', 0, 0, 0, '', 1, 5)
            """
        )
        #expect(try store.migrate() == [6])
        #expect(try store.migrate().isEmpty)
        let rows = try store.outbox(states: [.pending])
        #expect(rows.map(\.eventID) == ["e-old"] && rows.first?.kind == .flip && rows.first?.holdReason == "")
        try database.execute("UPDATE alert_outbox SET state = 'held' WHERE event_id = 'e-old'")
    }
}
