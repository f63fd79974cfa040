import Foundation
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

/// The one store suite, run against both backends.
@Suite("store (SQLite and MySQL)")
struct StoreSuiteTests {
    private func flip(_ check: Int64, _ status: CheckStatus, id: String = UUID().uuidString) -> FlipRequest {
        FlipRequest(flipID: id, checkID: check, status: status, message: "went \(status.rawValue)", time: 1_000,
                    checkName: "web", checkType: "tcp", maskedData: #"{"address":"127.0.0.1:1"}"#)
    }

    @Test("migrations apply once and record their versions", arguments: StoreBackend.allCases)
    func migrations(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        #expect(try store.migrate().isEmpty)
        #expect(try Migrator(database: store.database).appliedVersions() == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(try store.view() == ViewRow(number: 0, holder: ""))
    }

    @Test("checks, contacts and alerts can be managed without SQL", arguments: StoreBackend.allCases)
    func management(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let web = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:80"}"#, interval: 30, delay: 2))
        let db = try store.addCheck(NewCheck(name: "db", type: "tcp", data: #"{"address":"127.0.0.1:3306"}"#, enabled: false))
        #expect(try store.checkRows().map(\.name) == ["web", "db"])
        #expect(try store.checkRow(web) == CheckRow(id: web, name: "web", type: "tcp", data: #"{"address":"127.0.0.1:80"}"#, interval: 30, delay: 2, status: "online", enabled: true))
        try store.setCheckEnabled(db, true)
        #expect(try store.checkRow(db)?.enabled == true)
        #expect(throws: StoreError.notFound("check 999")) { try store.setCheckEnabled(999, false) }

        // An edit keeps the id, the status and the enabled flag; the same values again are fine.
        let edited = NewCheck(name: "web2", type: "tcp", data: #"{"address":"127.0.0.1:8080"}"#, interval: 10, delay: 0)
        try store.updateCheck(web, with: edited)
        try store.updateCheck(web, with: edited)
        #expect(try store.checkRow(web) == CheckRow(id: web, name: "web2", type: "tcp", data: #"{"address":"127.0.0.1:8080"}"#, interval: 10, delay: 0, status: "online", enabled: true))
        #expect(throws: StoreError.notFound("check 999")) { try store.updateCheck(999, with: edited) }
        #expect(throws: StoreError.invalid("the interval must be at least 1 second, got 0")) {
            try store.updateCheck(web, with: NewCheck(name: "web2", type: "tcp", data: "{}", interval: 0))
        }
        #expect(throws: StoreError.tooLong(field: "checks.data", length: 1025, limit: 1024)) {
            try store.updateCheck(web, with: NewCheck(name: "web2", type: "tcp", data: String(repeating: " ", count: 1025)))
        }
        #expect(try store.checkRow(web)?.interval == 10)

        let mail = try store.addContact(type: "email", data: "ops@example.org")
        let hook = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/hook")
        #expect(try store.contacts() == [Contact(id: mail, type: "email", data: "ops@example.org"), Contact(id: hook, type: "webhook", data: "http://127.0.0.1:9/hook")])
        let alert = try store.addAlert(checkID: web, contactID: mail, type: .offline)
        _ = try store.addAlert(checkID: db, contactID: mail, type: .both)
        _ = try store.addAlert(checkID: web, contactID: hook, type: .both)
        #expect(throws: StoreError.notFound("contact 999")) { try store.addAlert(checkID: web, contactID: 999, type: .both) }
        #expect(throws: StoreError.notFound("check 999")) { try store.addAlert(checkID: 999, contactID: mail, type: .both) }
        #expect(try store.alerts().first == Alert(id: alert, checkID: web, contactID: mail, type: .offline, enabled: true))

        try store.removeContact(hook)
        #expect(try store.alerts().count == 2)
        try store.removeCheck(web)
        #expect(try store.alerts().map(\.checkID) == [db])
        try store.removeAlert(try store.alerts()[0].id)
        #expect(try store.alerts().isEmpty)
        #expect(throws: StoreError.notFound("alert 12345")) { try store.removeAlert(12345) }
    }

    @Test("data longer than its column is refused, never truncated", arguments: StoreBackend.allCases)
    func tooLong(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let data = #"{"address":""# + String(repeating: "a", count: 1011) + #""}"#
        #expect(throws: StoreError.tooLong(field: "checks.data", length: data.count, limit: 1024)) {
            try store.addCheck(NewCheck(name: "long", type: "tcp", data: data))
        }
        #expect(throws: StoreError.tooLong(field: "contacts.data", length: 513, limit: 512)) {
            try store.addContact(type: "webhook", data: String(repeating: "x", count: 513))
        }
        #expect(throws: StoreError.tooLong(field: "checks.name", length: 65, limit: 64)) {
            try store.addCheck(NewCheck(name: String(repeating: "n", count: 65), type: "tcp", data: "{}"))
        }
        #expect(try store.checkRows().isEmpty)
        #expect(try store.contacts().isEmpty)
        // Exactly at the limit is fine, and comes back whole.
        let exact = #"{"address":""# + String(repeating: "é", count: 1024 - 14) + #""}"#
        let id = try store.addCheck(NewCheck(name: "exact", type: "tcp", data: exact))
        #expect(try store.checkRow(id)?.data == exact)
    }

    @Test("a flip writes status, event and one outbox row per matching alert, once", arguments: StoreBackend.allCases)
    func flips(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}"))
        let both = try store.addContact(type: "email", data: "a@example.org")
        let offlineOnly = try store.addContact(type: "email", data: "b@example.org")
        let onlineOnly = try store.addContact(type: "email", data: "c@example.org")
        let disabled = try store.addContact(type: "email", data: "d@example.org")
        _ = try store.addAlert(checkID: check, contactID: both, type: .both)
        _ = try store.addAlert(checkID: check, contactID: offlineOnly, type: .offline)
        _ = try store.addAlert(checkID: check, contactID: onlineOnly, type: .online)
        let off = try store.addAlert(checkID: check, contactID: disabled, type: .both)
        try store.database.execute("UPDATE alerts SET enabled = 0 WHERE id = ?", [.int(off)])
        #expect(try store.raiseView(to: 3, holder: "node-a"))

        let request = flip(check, .offline, id: "flip-1")
        let record = try store.recordFlip(request, view: 3)
        #expect(record.isNew)
        #expect(record.eventIDs.count == 2)
        #expect(Set(record.eventIDs).count == 2)
        #expect(try store.checkRow(check)?.status == "offline")
        let pending = try store.outbox(states: [.pending])
        #expect(Set(pending.map(\.contactID)) == [both, offlineOnly])
        #expect(pending.allSatisfy { $0.status == .offline && $0.flipID == "flip-1" && $0.view == 3 && $0.checkName == "web" })

        // The same flip again (a retried commit) changes nothing.
        let again = try store.recordFlip(request, view: 3)
        #expect(!again.isNew)
        #expect(again.eventIDs == record.eventIDs)
        #expect(again.checkEventID == record.checkEventID)
        #expect(try store.outbox(states: [.pending]).count == 2)
        #expect(try store.database.query("SELECT COUNT(*) FROM check_events").first?.int(0) == 1)

        let back = try store.recordFlip(flip(check, .online), view: 3)
        #expect(back.eventIDs.count == 2)
        let onlineRows = try store.outbox(states: [.pending]).filter { $0.status == .online }
        #expect(Set(onlineRows.map(\.contactID)) == [both, onlineOnly])
        let events = try store.database.query("SELECT type FROM check_events ORDER BY id").map { $0.string(0) }
        #expect(events == ["offline", "online"])
    }

    @Test("an alert whose type is NULL never notifies, as in gobearmon, and is listed as such", arguments: StoreBackend.allCases)
    func nullAlertType(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}"))
        let contact = try store.addContact(type: "email", data: "a@example.org")
        let alert = try store.addAlert(checkID: check, contactID: contact, type: .both)
        try store.database.execute("UPDATE alerts SET type = NULL WHERE id = ?", [.int(alert)])
        #expect(try store.raiseView(to: 1, holder: "node-a"))
        #expect(try store.recordFlip(flip(check, .offline), view: 1).eventIDs.isEmpty)
        #expect(try store.recordFlip(flip(check, .online), view: 1).eventIDs.isEmpty)
        #expect(try store.outbox(states: [.pending]).isEmpty)
        let listed = try #require(try store.alerts().first)
        #expect(listed.type == nil)
        #expect(listed.typeText == "NULL (never notifies)")
    }

    @Test("the view only rises, and a stale view's writes are refused whole", arguments: StoreBackend.allCases)
    func fencing(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}"))
        let contact = try store.addContact(type: "email", data: "a@example.org")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        #expect(try store.raiseView(to: 5, holder: "a"))
        #expect(try !store.raiseView(to: 4, holder: "b"))
        #expect(try !store.raiseView(to: 5, holder: "b"))
        #expect(try store.view() == ViewRow(number: 5, holder: "a"))

        #expect(throws: StoreError.fenced(held: 4, current: 5)) { try store.recordFlip(flip(check, .offline), view: 4) }
        #expect(try store.checkRow(check)?.status == "online")
        #expect(try store.outbox(states: Set(OutboxState.allCases)).isEmpty)
        #expect(try store.database.query("SELECT COUNT(*) FROM check_events").first?.int(0) == 0)

        _ = try store.recordFlip(flip(check, .offline), view: 5)
        #expect(try store.raiseView(to: 6, holder: "b"))
        #expect(throws: StoreError.fenced(held: 5, current: 6)) { try store.claimOutbox(now: 2_000, limit: 10, lease: .milliseconds(1_000), view: 5) }
        let claimed = try store.claimOutbox(now: 2_000, limit: 10, lease: .milliseconds(1_000), view: 6)
        #expect(claimed.count == 1)
        #expect(throws: StoreError.fenced(held: 5, current: 6)) { try store.completeOutbox(claimed[0].id, outcome: .delivered(receipt: nil), now: 2_100, view: 5) }
        #expect(try store.outbox(states: [.pending]).count == 1)
    }

    @Test("outbox rows are claimed once per lease, retried later, and completed", arguments: StoreBackend.allCases)
    func outbox(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}"))
        let first = try store.addContact(type: "sms", data: "+15550001")
        let second = try store.addContact(type: "email", data: "b@example.org")
        _ = try store.addAlert(checkID: check, contactID: first, type: .both)
        _ = try store.addAlert(checkID: check, contactID: second, type: .both)
        _ = try store.raiseView(to: 1, holder: "a")
        _ = try store.recordFlip(flip(check, .offline), view: 1)

        let claimed = try store.claimOutbox(now: 1_000, limit: 10, lease: .milliseconds(30_000), view: 1)
        #expect(claimed.count == 2)
        #expect(claimed.first?.contactType == "sms")
        #expect(try store.claimOutbox(now: 2_000, limit: 10, lease: .milliseconds(30_000), view: 1).isEmpty)

        try store.completeOutbox(claimed[0].id, outcome: .delivered(receipt: "SM123"), now: 2_000, view: 1)
        try store.completeOutbox(claimed[1].id, outcome: .retry(error: "451 try later", at: 10_000), now: 2_000, view: 1)
        #expect(try store.claimOutbox(now: 5_000, limit: 10, lease: .milliseconds(30_000), view: 1).isEmpty)
        let retried = try store.claimOutbox(now: 10_000, limit: 10, lease: .milliseconds(30_000), view: 1)
        #expect(retried.map(\.id) == [claimed[1].id])
        #expect(retried.first?.attempts == 1)
        #expect(retried.first?.lastError == "451 try later")
        try store.completeOutbox(claimed[1].id, outcome: .failed(error: "550 no such user"), now: 11_000, view: 1)

        let delivered = try store.outbox(states: [.delivered])
        #expect(delivered.map(\.receipt) == ["SM123"])
        #expect(try store.outbox(states: [.failed]).map(\.lastError) == ["550 no such user"])
        #expect(try store.outbox(states: [.pending]).isEmpty)

        try store.recordCharge(checkID: check, type: "sms", data: "SM123")
        #expect(try store.database.query("SELECT check_id, type, data FROM charges").map { [$0.int(0), $0.string(1), $0.string(2)] as [AnyHashable] } == [[check, "sms", "SM123"]])

        // A row whose contact was deleted still comes out, without contact details.
        _ = try store.recordFlip(flip(check, .online), view: 1)
        try store.removeContact(second)
        let orphaned = try store.outbox(states: [.pending]).filter { $0.contactID == second }
        #expect(orphaned.count == 1)
        #expect(orphaned.first?.contactType == nil)
    }

    /// A check with one webhook contact alerted on both statuses, under view 1.
    private func alertedCheck(in store: SQLStore) throws -> (check: Int64, contact: Int64) {
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}"))
        let contact = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        _ = try store.raiseView(to: 1, holder: "a")
        return (check, contact)
    }

    @Test("a flip's free text is fitted to its columns in code points, never refused", arguments: StoreBackend.allCases)
    func flipTextFitted(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let (check, _) = try alertedCheck(in: store)
        let marks = "A" + String(repeating: "\u{0301}", count: 3_000) + "\u{FFFD}\0"
        let flip = FlipRequest(flipID: UUID().uuidString, checkID: check, status: .offline, message: marks, time: 1_000,
                               checkName: String(repeating: "ñ", count: 5_000), checkType: "tcp", maskedData: "{}")
        let record = try store.recordFlip(flip, view: 1)
        #expect(record.eventIDs.count == 1)
        let stored = try #require(try store.database.query("SELECT message FROM check_flips").first?.string(0))
        #expect(stored.unicodeScalars.count == TextColumn.message.limit)
        let entry = try #require(try store.outbox(states: [.pending]).first)
        #expect(entry.checkName.unicodeScalars.count == TextColumn.checkName.limit)
        #expect(entry.message == stored)
        try store.completeOutbox(entry.id, outcome: .retry(error: String(repeating: "é", count: 5_000), at: 2_000), now: 1_500, view: 1)
        #expect(try store.outbox(states: [.pending]).first?.lastError.unicodeScalars.count == TextColumn.lastError.limit)
    }

    @Test("alerting's self-check reads the oldest due notification never attempted, skipping rows that wait on purpose", arguments: StoreBackend.allCases)
    func oldestDue(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let (check, contact) = try alertedCheck(in: store)
        #expect(try store.oldestDueNotification(now: 10_000) == nil)
        let offline = try store.recordFlip(flip(check, .offline), view: 1)
        #expect(try store.oldestDueNotification(now: 999) == nil)
        let due = try #require(try store.oldestDueNotification(now: 5_000))
        #expect(due == DueNotification(eventID: offline.eventIDs[0], checkID: check, contactID: contact, dueAt: 1_000))
        // The online waits behind the offline on purpose; once the offline was attempted, neither is "due, never attempted".
        _ = try store.recordFlip(flip(check, .online), view: 1)
        let claimed = try store.claimOutbox(now: 5_000, limit: 10, lease: .milliseconds(1_000), view: 1)
        try store.completeOutbox(claimed[0].id, outcome: .retry(error: "down", at: 60_000), now: 5_000, view: 1)
        #expect(try store.oldestDueNotification(now: 50_000) == nil)
    }

    @Test("results are kept, read back newest first per check, and pruned", arguments: StoreBackend.allCases)
    func results(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        try store.recordResults([
            ResultRecord(checkID: 1, node: "w1", time: 1_000, status: .online, message: "ok", latencyMilliseconds: 1.5),
            ResultRecord(checkID: 1, node: "w2", time: 2_000, status: .offline, message: "refused", latencyMilliseconds: 0.5),
            ResultRecord(checkID: 2, node: "w1", time: 3_000, status: .fail, message: "bad", latencyMilliseconds: 0),
        ])
        let latest = try store.latestResults()
        #expect(latest[1]?.node == "w2")
        #expect(latest[1]?.status == .offline)
        #expect(latest[1]?.latencyMilliseconds == 0.5)
        #expect(latest[2]?.status == .fail)
        #expect(try store.pruneResults(before: 2_500, limit: 1) == 1)
        #expect(try store.pruneResults(before: 2_500, limit: 10) == 1)
        #expect(try store.latestResults().keys.sorted() == [2])
    }

    @Test("poison rows are reported and skipped; the other rows load", arguments: StoreBackend.allCases)
    func poisonRows(backend: StoreBackend) async throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let fixture = try await FixtureHost()
        let good = try store.addCheck(NewCheck(name: "good", type: "fixture", data: #"{"mode":"online"}"#))
        if backend == .mysql {
            // gobearmon's schema lets a non-strict session store '' for a bad ENUM value.
            try store.database.transaction { tx in
                try tx.execute("SET SESSION sql_mode = ''")
                try tx.execute("INSERT INTO checks (name, type, data, status) VALUES ('blank', 'fixture', '{}', 'bogus')")
                try tx.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'")
            }
        } else {
            try store.database.execute("INSERT INTO checks (name, type, data, status) VALUES ('blank', 'fixture', '{}', 'bogus')")
        }
        try store.database.execute("INSERT INTO checks (name, type, data, status) VALUES ('nullstatus', 'fixture', '{}', NULL)")
        try store.database.execute("INSERT INTO checks (name, type, data) VALUES ('badjson', 'fixture', '{mode:')")
        try store.database.execute("INSERT INTO checks (name, type, data) VALUES ('unknown', 'nosuchtype', '{}')")
        try store.database.execute("INSERT INTO checks (name, type, data, check_interval) VALUES ('negative', 'fixture', '{}', -5)")
        try store.database.execute("INSERT INTO checks (name, type, data) VALUES ('badparam', 'fixture', '{\"seconds\":\"x\"}')")

        let catalog = CheckCatalog(host: fixture.host)
        var valid: [String] = []
        var poison: [String: String] = [:]
        for row in try store.checkRows() {
            switch catalog.validate(row) {
            case .success(let check): valid.append(check.row.name)
            case .failure(let row): poison[row.name] = row.reason
            }
        }
        #expect(valid == ["good"])
        #expect(good > 0)
        #expect(poison.count == 6)
        #expect(poison["blank"]?.contains("is neither online nor offline") == true)
        #expect(poison["nullstatus"]?.contains("status is NULL") == true)
        #expect(poison["badjson"]?.contains("data is not valid JSON") == true)
        let badjson = try #require(try store.checkRows().first { $0.name == "badjson" })
        #expect(poison["badjson"]?.contains("fix it with `bearmon checks edit \(badjson.id) --data JSON`") == true)
        #expect(poison["unknown"]?.contains("unknown check type 'nosuchtype'") == true)
        #expect(poison["negative"]?.contains("check_interval -5 must be at least 1 second") == true)
        #expect(poison["badparam"]?.contains("parameter 'seconds': must be an integer") == true)
    }
}
