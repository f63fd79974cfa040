@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore
import Foundation
import Testing

/// Maintenance windows and silences through ``LocalCatalog``, the one place they are
/// validated: every bad input of issue 20 refused with one message that names it and nothing
/// written; hostile values (huge and negative times, a 10k-character cron, Mars/Base); the
/// creator; and the store keeping ended silences. On both backends.
@Suite("maintenance windows and silences in the catalog", .serialized)
struct HoldsCatalogTests {
    /// A fixed "now": 2026-11-30T00:00:00Z.
    static let now: Int64 = 1_795_996_800_000

    /// A catalog at ``now`` over a fresh store with check 1 `db1` (tag db) and check 2 `web`.
    private func catalog(_ backend: StoreBackend) throws -> (LocalCatalog, SQLStore, AnyObject) {
        let (store, keep) = try backend.makeStore()
        let catalog = LocalCatalog(store: store, host: ProductChecks().host, now: { Self.now })
        _ = try catalog.createCheck(try JSONValue.parse(#"{"name":"db1","type":"tcp","data":{"address":"127.0.0.1:1"},"tags":["db"]}"#))
        _ = try catalog.createCheck(try JSONValue.parse(#"{"name":"web","type":"tcp","data":{"address":"127.0.0.1:2"}}"#))
        return (catalog, store, keep)
    }

    private func refusal(_ body: () throws -> Void) -> CatalogError? {
        do { try body() } catch let error as CatalogError { return error } catch { Issue.record("not a CatalogError: \(error)") }
        return nil
    }

    /// Bodies that must be refused with a 400 whose message holds the words.
    static let badWindows: [(String, String)] = [
        (#"{"check_id":1,"start":"2030-01-01T03:00:00Z","end":"2030-01-01T02:00:00Z"}"#, "ends"),
        (#"{"check_id":1,"start":"2030-01-01T03:00:00Z","end":"2030-01-01T03:00:00Z"}"#, "before or when it starts"),
        (#"{"check_id":1,"start":"2026-01-01T01:00:00Z","end":"2026-01-01T02:00:00Z"}"#, "which is past"),
        (#"{"check_id":1,"cron":"0 2 * *","duration":"1h"}"#, "has 4 fields, not 5"),
        (#"{"check_id":1,"cron":"0 2 * * FUNDAY","duration":"1h"}"#, "day-of-week"),
        (#"{"check_id":1,"cron":"0 0 30 2 *","duration":"1h"}"#, "no occurrence in the 366 days"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":"1h","time_zone":"Mars/Base"}"#, "unknown time zone 'Mars/Base'"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":"1h","time_zone":"Europe/Berlin\u0000"}"#, "unknown time zone"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":"30s"}"#, "out of bounds"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":"32d"}"#, "out of bounds"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":-60}"#, "must be a positive number of seconds"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":9223372036854775807}"#, "must be a positive number of seconds"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":"forever"}"#, "duration 'forever' is not a positive duration"),
        (#"{"check_id":1,"cron":"0 2 * * *","duration":"90500ms"}"#, "whole seconds"),
        (#"{"check_id":1,"cron":"0 2 * * *"}"#, "needs duration"),
        (#"{"check_id":1,"duration":"1h"}"#, "needs cron"),
        (#"{"check_id":99,"cron":"0 2 * * *","duration":"1h"}"#, "check 99 does not exist"),
        (#"{"check_id":0,"cron":"0 2 * * *","duration":"1h"}"#, "check_id must be 1 to"),
        (#"{"tag":"nosuch","cron":"0 2 * * *","duration":"1h"}"#, "tag 'nosuch' is on no check"),
        (#"{"tag":"no space","cron":"0 2 * * *","duration":"1h"}"#, "tag \"no space\""),
        (#"{"cron":"0 2 * * *","duration":"1h"}"#, "needs a scope"),
        (#"{"all":false,"cron":"0 2 * * *","duration":"1h"}"#, "needs a scope"),
        (#"{"check_id":1,"tag":"db","cron":"0 2 * * *","duration":"1h"}"#, "gives 2 scopes"),
        (#"{"all":true}"#, "needs start and end"),
        (#"{"all":true,"start":"2030-01-01T02:00:00Z"}"#, "needs both start and end"),
        (#"{"all":true,"start":"2030-01-01T02:00:00Z","end":"2030-01-01T03:00:00Z","cron":"0 2 * * *"}"#, "gives both start/end and cron/duration"),
        (#"{"all":true,"start":"2030-01-01T02:00:00","end":"2030-01-01T03:00:00Z"}"#, "is not a time with an offset"),
        (#"{"all":true,"start":"2030-13-45T02:00:00Z","end":"2030-01-01T03:00:00Z"}"#, "is not a time with an offset"),
        (#"{"all":true,"start":"tomorrow ☕","end":"2030-01-01T03:00:00Z"}"#, "is not a time with an offset"),
        (#"{"all":true,"start":-9223372036854775808,"end":9223372036854775807}"#, "out of range"),
        (#"{"all":true,"start":0,"end":9223372036854775807}"#, "out of range"),
        (#"{"all":true,"start":"0001-01-01T00:00:00Z","end":"2030-01-01T03:00:00Z"}"#, "out of range"),
        (#"{"all":true,"start":true,"end":"2030-01-01T03:00:00Z"}"#, "start must be a time"),
        (#"{"all":true,"cron":"0 2 * * *","duration":"1h","name":""}"#, "maintenance name is empty"),
        (#"{"all":true,"cron":"0 2 * * *","duration":"1h","name":"maintenance-5"}"#, "form maintenance-ID"),
        (#"{"all":true,"cron":"0 2 * * *","duration":"1h","name":"\#(String(repeating: "n", count: 65))"}"#, "65 characters"),
        (#"{"all":true,"cron":"0 2 * * *","duration":"1h","comment":"\#(String(repeating: "c", count: 1025))"}"#, "1025 characters"),
        (#"{"all":true,"cron":"0 2 * * *","duration":"1h","comment":"bell\u0007"}"#, "control characters"),
        (#"{"all":true,"cron":"0 2 * * *","duration":"1h","colour":"red"}"#, "unknown field \"colour\""),
        (#"{"all":true,"cron":"\#(String(repeating: "*", count: 10_000))","duration":"1h"}"#, "cron expression is 10000 bytes long"),
        (#"[]"#, "must be a JSON object"),
    ]

    static let badSilences: [(String, String)] = [
        (#"{"check_id":1,"comment":"x"}"#, "needs an expiry"),
        (#"{"check_id":1,"duration":"91d"}"#, "at most 90d"),
        (#"{"check_id":1,"expires_at":"2027-06-01T00:00:00Z"}"#, "at most 90d"),
        (#"{"check_id":1,"expires_at":"2026-11-29T00:00:00Z"}"#, "is past"),
        (#"{"check_id":1,"expires_at":-9223372036854775808}"#, "out of range"),
        (#"{"check_id":1,"duration":"2h","expires_at":"2026-12-01T00:00:00Z"}"#, "both duration and expires_at"),
        (#"{"check_id":1,"duration":"999999999999999d"}"#, "not a positive duration"),
        (#"{"check_id":1,"duration":0}"#, "must be a positive number of seconds"),
        (#"{"duration":"2h"}"#, "needs check_id (one check) or tag"),
        (#"{"check_id":1,"tag":"db","duration":"2h"}"#, "both check_id and tag"),
        (#"{"check_id":42,"duration":"2h"}"#, "check 42 does not exist"),
        (#"{"tag":"nosuch","duration":"2h"}"#, "tag 'nosuch' is on no check"),
        (#"{"all":true,"duration":"2h"}"#, "unknown field \"all\""),
        (#"{"check_id":1,"duration":"2h","comment":"\#(String(repeating: "é", count: 1025))"}"#, "1025 characters"),
    ]

    @Test("every bad window and silence is refused with one message naming it, and nothing is written", arguments: StoreBackend.allCases)
    func badInputIsRefused(_ backend: StoreBackend) throws {
        let (catalog, store, keep) = try catalog(backend)
        defer { withExtendedLifetime(keep) {} }
        for (body, words) in Self.badWindows {
            let error = refusal { _ = try catalog.createMaintenance(try JSONValue.parse(body), creator: "ci") }
            #expect(error?.kind == .invalid, "\(body.prefix(120)): \(error?.message ?? "accepted")")
            #expect(error?.message.contains(words) == true, "\(body.prefix(120)): \(error?.message.prefix(300) ?? "accepted")")
            #expect((error?.message.count ?? 0) < 400 && error?.message.contains("\n") == false, "one short message: \(error?.message.prefix(500) ?? "")")
        }
        for (body, words) in Self.badSilences {
            let error = refusal { _ = try catalog.createSilence(try JSONValue.parse(body), creator: "ci") }
            #expect(error?.kind == .invalid, "\(body.prefix(120)): \(error?.message ?? "accepted")")
            #expect(error?.message.contains(words) == true, "\(body.prefix(120)): \(error?.message.prefix(300) ?? "accepted")")
        }
        #expect(try store.maintenances().isEmpty)
        #expect(try store.silences().isEmpty)
        #expect(refusal { _ = try catalog.maintenance(1) }?.kind == .notFound)
        #expect(refusal { try catalog.deleteMaintenance(-1) }?.kind == .notFound)
        #expect(refusal { try catalog.endSilence(Int64.max) }?.kind == .notFound)
    }

    @Test("good windows and silences: stored as given, creator recorded, the name unique, ended silences kept", arguments: StoreBackend.allCases)
    func lifecycle(_ backend: StoreBackend) throws {
        let (catalog, store, keep) = try catalog(backend)
        defer { withExtendedLifetime(keep) {} }
        let nightly = try catalog.createMaintenance(try JSONValue.parse(
            #"{"name":"nightly","tag":"db","cron":"0  2 * * sun","duration":"2h","time_zone":"Europe/Berlin","comment":"backups\nand more"}"#), creator: "ops-bot")
        #expect(nightly.cron == "0 2 * * sun" && nightly.duration == 7_200 && nightly.timeZone == "Europe/Berlin" && nightly.createdBy == "ops-bot")
        #expect(nightly.tag == "db" && !nightly.all && nightly.checkID == nil && nightly.createdAt == Self.now)
        // 2026-11-30 is a Monday: the next Sunday 02:00 in Berlin (UTC+1) is 2026-12-06T01:00Z.
        #expect(nightly.nextStart == 1_796_518_800_000)
        #expect(!nightly.active)

        let now = try catalog.createMaintenance(try JSONValue.parse(
            #"{"check_id":2,"start":"2026-11-29T23:00:00-01:00","end":1796000400000}"#), creator: nil)
        #expect(now.active && now.activeUntil == 1_796_000_400_000 && now.start == Self.now)
        #expect(now.createdBy.hasPrefix("local:") && now.createdBy.count > "local:".count)
        #expect(now.name == nil)
        let all = try catalog.createMaintenance(try JSONValue.parse(#"{"all":true,"cron":"*/15 * * * *","duration":600}"#), creator: "ci")
        #expect(all.all && all.timeZone == "UTC" && all.active)

        let taken = refusal { _ = try catalog.createMaintenance(try JSONValue.parse(#"{"name":"nightly","all":true,"cron":"0 3 * * *","duration":"1h"}"#), creator: "ci") }
        #expect(taken?.kind == .conflict && taken?.message.contains("nightly") == true)
        #expect(try store.maintenances().count == 3)
        #expect(try catalog.listMaintenances(PageRequest(limit: 2)).items.map(\.id) == [nightly.id, now.id])

        let silence = try catalog.createSilence(try JSONValue.parse(#"{"tag":"db","duration":"90d","comment":"migrating"}"#), creator: "ops-bot")
        #expect(silence.expiresAt == Self.now + 90 * 86_400_000 && silence.active && silence.createdBy == "ops-bot")
        let other = try catalog.createSilence(try JSONValue.parse(#"{"check_id":2,"expires_at":"2026-11-30T02:00:00+01:00"}"#), creator: nil)
        #expect(other.expiresAt == Self.now + 3_600_000 && other.startsAt == Self.now, "\(other)")
        try catalog.endSilence(silence.id)
        let ended = try catalog.silence(silence.id)
        #expect(!ended.active && ended.endedAt == Self.now)
        #expect(try catalog.listSilences(PageRequest(), active: true).items.map(\.id) == [other.id])
        #expect(try catalog.listSilences(PageRequest(), active: false).items.map(\.id) == [silence.id])
        #expect(try catalog.listSilences(PageRequest(), active: nil).items.count == 2)

        try catalog.deleteMaintenance(now.id)
        #expect(refusal { try catalog.deleteMaintenance(now.id) }?.kind == .notFound)
        // Deleting a check deletes its windows and ends its silences, so a later check that
        // gets the same id is not covered by them. (The store ends them by the wall clock.)
        let running = try LocalCatalog(store: store, host: ProductChecks().host).createSilence(try JSONValue.parse(#"{"check_id":2,"duration":"1h"}"#), creator: "ci")
        try catalog.deleteCheck(2)
        #expect(try store.silences().first { $0.id == running.id }?.endedAt != nil)
        #expect(try store.maintenances().map(\.id).sorted() == [nightly.id, all.id])
    }
}
