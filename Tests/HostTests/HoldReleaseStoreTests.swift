import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Holds and their release at the store, with the clock given: flips recorded at chosen
/// instants (`recordFlip` with the flip's time) and release passes run at chosen instants
/// (`releaseHeld(now:)`), as the controller would run them, on an SQLite store. A recurring
/// window across both of Europe/Berlin's DST changes in 2026, and silences that expire or
/// are removed early.
@Suite("hold release at the store")
struct HoldReleaseStoreTests {
    let dir: TempDirectory
    let store: SQLStore
    let check: Int64
    let contact: Int64
    var view: Int64 = 1

    init() throws {
        dir = try TempDirectory("bearmon-holds")
        store = SQLStore(database: try SQLiteDatabase(path: dir.file("holds.sqlite")))
        try store.migrate()
        _ = try store.raiseView(to: 1, holder: "test")
        check = try store.addCheck(NewCheck(name: "db", type: "http", data: #"{"url":"http://127.0.0.1/"}"#))
        try store.database.execute("INSERT INTO check_tags (check_id, tag) VALUES (?, 'db')", [.int(check)])
        contact = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/record")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
    }

    /// Unix ms of an ISO 8601 UTC time such as "2026-03-29T01:40:00Z".
    static func at(_ iso: String) -> Int64 {
        Int64((ISO8601DateFormatter().date(from: iso)!.timeIntervalSince1970 * 1000).rounded())
    }

    /// Records a flip of the check to `status` at `iso`; returns the state its one row was written in.
    func flip(_ status: CheckStatus, _ iso: String, budget: NotificationBudget = .unlimited) throws -> OutboxState? {
        let record = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "\(status) at \(iso)",
                                                      time: Self.at(iso), checkName: "db", checkType: "http", maskedData: "{}"), view: view, budget: budget)
        #expect(record.eventIDs.count == 1)
        return try rows().first { $0.eventID == record.eventIDs.first }?.state
    }

    /// Runs a release pass at `iso`.
    func release(_ iso: String) throws -> HeldRelease {
        try store.releaseHeld(now: Self.at(iso), budget: .unlimited, view: view)
    }

    func rows() throws -> [OutboxEntry] { try store.outbox(states: Set(OutboxState.allCases)) }

    /// The rows that went or go out: what the contact is told, in order.
    func told() throws -> [String] {
        try rows().filter { [.pending, .delivered].contains($0.state) }.map { "\($0.status.rawValue) \($0.kind.rawValue)" }
    }

    /// The contact's last-heard status.
    func lastHeard() throws -> CheckStatus? { try store.ledger().first { $0.checkID == check && $0.contactID == contact }?.status }

    func addWindow(_ cron: String, minutes: Int64) throws -> Int64 {
        try store.addMaintenance(MaintenanceRow(id: 0, name: "nightly", scope: .check(check), timing: .recurring(cron: cron, durationSeconds: minutes * 60, timeZone: "Europe/Berlin"),
                                                comment: "backups", createdBy: "test", createdAt: 0), now: Self.at("2026-03-01T00:00:00Z"))
    }

    @Test("spring forward: 02:30 Berlin holds on the 28th (CET), never fires on the 29th (skipped), holds again on the 30th (CEST); released at the window's real end")
    func springForward() throws {
        let window = try addWindow("30 2 * * *", minutes: 60)
        // 2026-03-28 02:30 CET is 01:30Z: the window is 01:30Z..02:30Z.
        #expect(try flip(.offline, "2026-03-28T01:29:59Z") == .pending)
        #expect(try flip(.online, "2026-03-28T01:30:00Z") == .held)
        #expect(try flip(.offline, "2026-03-28T01:40:00Z") == .held)
        #expect(try release("2026-03-28T02:29:59Z").stillHeld == 2)
        #expect(try told() == ["offline flip"])
        // The outage is still on at the end: the contact, who heard offline, is told nothing.
        let atEnd = try release("2026-03-28T02:30:00Z")
        #expect(atEnd.caughtUp == 0 && atEnd.cancelled == 2)
        #expect(try flip(.online, "2026-03-28T02:31:00Z") == .pending)
        #expect(try told() == ["offline flip", "online flip"])

        // 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST at 01:00Z; 02:30 never happens,
        // so nothing holds, at 01:30Z (03:30 CEST) or anywhere near.
        for instant in ["2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z"] {
            #expect(try flip(.offline, instant) == .pending, "\(instant)")
            #expect(try flip(.online, instant.replacingOccurrences(of: ":00Z", with: ":30Z")) == .pending, "\(instant)")
        }

        // 2026-03-30 02:30 CEST is 00:30Z: the window is 00:30Z..01:30Z. An outage still on at the
        // end is caught up once, at the end; its online later goes out as a flip.
        #expect(try flip(.offline, "2026-03-30T00:30:00Z") == .held)
        #expect(try flip(.online, "2026-03-30T00:40:00Z") == .held)
        #expect(try flip(.offline, "2026-03-30T00:50:00Z") == .held)
        #expect(try release("2026-03-30T01:29:59Z").stillHeld == 3)
        #expect(try lastHeard() == .online)
        let end = try release("2026-03-30T01:30:00Z")
        #expect(end.caughtUp == 1 && end.cancelled == 3)
        let catchUp = try #require(try rows().last)
        #expect(catchUp.kind == .catchUp && catchUp.status == .offline && catchUp.missed == 3 && catchUp.createdAt == Self.at("2026-03-30T01:30:00Z"))
        #expect(catchUp.since == Self.at("2026-03-30T00:50:00Z"))
        #expect(catchUp.detail.contains("maintenance \(window)"), "\(catchUp.detail)")
        #expect(try release("2026-03-30T01:30:01Z") == HeldRelease())
        #expect(try flip(.online, "2026-03-30T01:45:00Z") == .pending)
        #expect(try lastHeard() == .online)
        let told = try told()
        #expect(told.suffix(2) == ["offline catch_up", "online flip"])
        #expect(zip(told, told.dropFirst()).allSatisfy { $0.0.prefix(6) != $0.1.prefix(6) }, "a status told twice in a row: \(told)")
        let events = try rows().map(\.eventID)
        #expect(Set(events).count == events.count)
    }

    @Test("fall back: 02:30 Berlin on the 25th fires once, at its first occurrence (CEST, 00:30Z), for a real hour; the repeated 02:30 CET holds nothing")
    func fallBack() throws {
        _ = try addWindow("30 2 * * *", minutes: 60)
        #expect(try flip(.offline, "2026-10-25T00:40:00Z") == .held)
        // 01:29:59Z is 02:29:59 CET, wall-clock time before the window's start; it is still in the window.
        #expect(try release("2026-10-25T01:29:59Z").stillHeld == 1)
        #expect(try told().isEmpty)
        // A window that lasted until 03:30 on the wall clock would hold to 02:30Z.
        let end = try release("2026-10-25T01:30:00Z")
        #expect(end.caughtUp == 1 && end.cancelled == 1)
        // 02:30 CET (01:30Z) is the repeated local time: no second window.
        #expect(try flip(.online, "2026-10-25T01:45:00Z") == .pending)
        #expect(try flip(.offline, "2026-10-25T02:15:00Z") == .pending)
        // The next night's window is at 02:30 CET, 01:30Z.
        #expect(try flip(.online, "2026-10-26T01:29:00Z") == .pending)
        #expect(try flip(.offline, "2026-10-26T01:31:00Z") == .held)
        #expect(try told() == ["offline catch_up", "online flip", "offline flip", "online flip"])
        #expect(try lastHeard() == .online)
        #expect(try release("2026-10-26T02:31:00Z").caughtUp == 1)
        #expect(try told().last == "offline catch_up")
    }

    /// The silence's outcomes: an outage over before it ends sends nothing; one still on gets
    /// one catch-up when it ends, at expiry or when removed.
    @Test("a silence that expires, and one removed early: nothing for an outage already over, one catch-up for one still on", arguments: [false, true])
    func silence(removedEarly: Bool) throws {
        let start = Self.at("2026-06-01T10:00:00Z")
        let expiry = Self.at("2026-06-01T12:00:00Z")
        let silence = try store.addSilence(SilenceRow(id: 0, scope: .tag("db"), startsAt: start, expiresAt: expiry, comment: "migration", createdBy: "test", createdAt: 0),
                                           now: start)
        // Over before the silence ends: held, then cancelled with nothing told.
        #expect(try flip(.offline, "2026-06-01T10:05:00Z") == .held)
        #expect(try flip(.online, "2026-06-01T10:10:00Z") == .held)
        #expect(try release("2026-06-01T10:15:00Z").stillHeld == 2)
        // Still on when the silence ends.
        #expect(try flip(.offline, "2026-06-01T10:20:00Z") == .held)
        let ends = removedEarly ? "2026-06-01T11:00:00Z" : "2026-06-01T12:00:00Z"
        if removedEarly {
            #expect(try release("2026-06-01T10:59:59Z").stillHeld == 3)
            try store.endSilence(silence, now: Self.at(ends))
            #expect(try store.silences().first?.endedAt == Self.at(ends))
        } else {
            #expect(try release("2026-06-01T11:59:59Z").stillHeld == 3)
        }
        #expect(try told().isEmpty)
        let end = try release(ends)
        #expect(end.caughtUp == 1 && end.cancelled == 3)
        #expect(try told() == ["offline catch_up"])
        #expect(try rows().last?.missed == 3)
        // Kept for history, and holds nothing any more.
        #expect(try store.silences().count == 1)
        #expect(try flip(.online, removedEarly ? "2026-06-01T11:05:00Z" : "2026-06-01T12:05:00Z") == .pending)
        #expect(try told() == ["offline catch_up", "online flip"])
        #expect(try rows().filter { $0.state == .cancelled }.count == 3)
    }

    @Test("a budget of 3: a flip back to what the contact last heard, with the flips between held, is held behind them and the release tells nothing")
    func budgetFlipBack() throws {
        let budget = NotificationBudget(perHour: 3, twilioPerHour: 3)
        func flip(_ status: CheckStatus, _ iso: String) throws -> OutboxState? { try self.flip(status, iso, budget: budget) }
        #expect(try flip(.offline, "2026-06-01T10:00:00Z") == .pending)
        #expect(try flip(.online, "2026-06-01T10:01:00Z") == .pending)
        // No room for an offline and the online that would pair it.
        #expect(try flip(.offline, "2026-06-01T10:02:00Z") == .held)
        // The contact last heard online: behind the held offline it is held too, and the
        // release tells nothing, though the budget has room for one more.
        #expect(try flip(.online, "2026-06-01T10:03:00Z") == .held)
        #expect(try store.releaseHeld(now: Self.at("2026-06-01T10:04:00Z"), budget: budget, view: view) == HeldRelease(cancelled: 2))
        #expect(try rows().filter { $0.state == .held }.isEmpty)
        #expect(try told() == ["offline flip", "online flip"])
        #expect(try lastHeard() == .online)
        // Held again, and again nothing to tell once the flip back is released; the outage that
        // stays is told once the hour has room, as one catch-up of what it missed since the
        // contact's picture was right.
        #expect(try flip(.offline, "2026-06-01T10:05:00Z") == .held)
        #expect(try flip(.online, "2026-06-01T10:06:00Z") == .held)
        #expect(try store.releaseHeld(now: Self.at("2026-06-01T10:06:30Z"), budget: budget, view: view) == HeldRelease(cancelled: 2))
        #expect(try flip(.offline, "2026-06-01T10:07:00Z") == .held)
        #expect(try store.releaseHeld(now: Self.at("2026-06-01T10:59:00Z"), budget: budget, view: view).stillHeld == 1)
        let release = try store.releaseHeld(now: Self.at("2026-06-01T11:00:30Z"), budget: budget, view: view)
        #expect(release.caughtUp == 1)
        #expect(try rows().last?.missed == 1)
        #expect(try told() == ["offline flip", "online flip", "offline catch_up"])
        #expect(try rows().filter { $0.state == .cancelled }.count == 5)
    }

    @Test("a silence whose outage is over before it ends tells nothing, at its end or later")
    func silenceOverBeforeEnd() throws {
        let start = Self.at("2026-06-01T10:00:00Z")
        _ = try store.addSilence(SilenceRow(id: 0, scope: .check(check), startsAt: start, expiresAt: start + 3_600_000, comment: "", createdBy: "test", createdAt: 0), now: start)
        #expect(try flip(.offline, "2026-06-01T10:05:00Z") == .held)
        #expect(try flip(.online, "2026-06-01T10:10:00Z") == .held)
        let end = try release("2026-06-01T11:00:00Z")
        #expect(end.caughtUp == 0 && end.cancelled == 2)
        #expect(try release("2026-06-01T12:00:00Z") == HeldRelease())
        #expect(try told().isEmpty)
        #expect(try lastHeard() == nil)
    }
}
