import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore

/// An alert's `after`, `repeat` and `fallback` in config as code (issue 23): applied in the
/// apply's one transaction, shown in the plan as changes of the alert, exported, applied back
/// as no change; hostile values and fallback loops refused at their line with nothing applied.
@Suite("config as code: alert options")
struct AlertOptionsConfigAsCodeTests {
    /// The alerts are on lines 13 and 14.
    static let file = """
        checks:
          web:
            type: tcp
            data: {address: "127.0.0.1:80"}
        contacts:
          ops:
            type: webhook
            data: {url: "http://127.0.0.1:9/ops"}
          pager:
            type: webhook
            data: {url: "http://127.0.0.1:9/pager"}
        alerts:
          - {check: web, contact: ops, after: 5m, repeat: 2h, fallback: pager}
          - {check: web, contact: pager}

        """
    static let opsOptions = "after: 5m, repeat: 2h, fallback: pager"

    private static func edited(_ replacement: String, pager: String = "{check: web, contact: pager}") -> String {
        file.replacingOccurrences(of: ", " + opsOptions, with: replacement).replacingOccurrences(of: "{check: web, contact: pager}", with: pager)
    }

    private static func ids(_ store: SQLStore) throws -> (ops: Int64, pager: Int64, opsAlert: Int64, pagerAlert: Int64) {
        let names = try store.contactNames()
        let ops = try #require(names.first { $0.value == "ops" }?.key), pager = try #require(names.first { $0.value == "pager" }?.key)
        let alerts = try store.alerts()
        return (ops, pager, try #require(alerts.first { $0.contactID == ops }?.id), try #require(alerts.first { $0.contactID == pager }?.id))
    }

    @Test("apply writes the options, export writes them, the export applies back unchanged, edits show as changes of the alert", arguments: StoreBackend.allCases)
    func roundTrip(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        let first = try catalog.plan(Array(Self.file.utf8), file: "a.yaml", prune: false)
        #expect(first.lines.map(\.description).contains("+ alert web -> ops on both, after 5m, repeat 2h, fallback pager"), "\(first.lines)")
        #expect(first.lines.map(\.description).contains("+ alert web -> pager on both"), "\(first.lines)")
        #expect(first.count(.add) == 5)
        try catalog.apply(first)
        let ids = try Self.ids(store)
        #expect(try store.alertOptions() == [ids.opsAlert: AlertOptions(afterMilliseconds: 300_000, repeatMilliseconds: 7_200_000, fallbackContactID: ids.pager)])

        let exported = try catalog.export(withSecrets: false)
        #expect(exported.contains("{check: web, contact: ops, type: both, enabled: true, after: 5m, repeat: 2h, fallback: pager}"), "\(exported)")
        #expect(exported.contains("{check: web, contact: pager, type: both, enabled: true}"), "\(exported)")
        let again = try catalog.plan(Array(exported.utf8), file: "export.yaml", prune: true)
        #expect(again.changes.isEmpty, "\(again.lines)")

        // Options and type change in one line, one alert changed.
        let edited = Self.edited(", type: offline, after: 90s, fallback: pager")
        let changed = try catalog.plan(Array(edited.utf8), file: "a.yaml", prune: false)
        #expect(changed.lines.map(\.description) == ["~ alert web -> ops (id \(ids.opsAlert)): type both -> offline; after 5m -> 90s; repeat 2h -> none"], "\(changed.lines)")
        #expect(changed.summary == "0 to add, 1 to change, 0 to delete")
        try catalog.apply(changed)
        #expect(try store.alertOptions()[ids.opsAlert] == AlertOptions(afterMilliseconds: 90_000, fallbackContactID: ids.pager))
        #expect(try catalog.plan(Array(edited.utf8), file: "a.yaml", prune: false).changes.isEmpty)

        let plain = try catalog.plan(Array(Self.edited("").utf8), file: "a.yaml", prune: false)
        #expect(plain.lines.map(\.description) == ["~ alert web -> ops (id \(ids.opsAlert)): type offline -> both; after 90s -> none; fallback pager -> none"], "\(plain.lines)")
        try catalog.apply(plain)
        #expect(try store.alertOptions().values.allSatisfy(\.isPlain))
        #expect(!(try catalog.export(withSecrets: false)).contains("after:"))
    }

    @Test("a fallback moved to the other alert (ops -> pager becomes pager -> ops) applies: loops are judged on the end state", arguments: StoreBackend.allCases)
    func swap(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        try catalog.apply(catalog.plan(Array(Self.file.utf8), file: "a.yaml", prune: false))
        // pager's fallback is written before ops' is cleared: a check after each write would see ops -> pager -> ops.
        let swapped = Self.file.replacingOccurrences(of: "  - {check: web, contact: ops, \(Self.opsOptions)}\n  - {check: web, contact: pager}\n",
                                                     with: "  - {check: web, contact: pager, fallback: ops}\n  - {check: web, contact: ops}\n")
        #expect(swapped != Self.file)
        let plan = try catalog.plan(Array(swapped.utf8), file: "a.yaml", prune: false)
        #expect(plan.count(.change) == 2, "\(plan.lines)")
        try catalog.apply(plan)
        let ids = try Self.ids(store)
        #expect(try store.alertOptions() == [ids.pagerAlert: AlertOptions(fallbackContactID: ids.ops)])
    }

    static let tenKilobytes = String(repeating: "x", count: 10_240)

    @Test("hostile options are refused with one message naming the file, the line and the key", arguments: [
        (", after: -5m", "alert web -> ops after '-5m' is not a positive duration"),
        (", after: -300", "alert web -> ops after must be a positive number of seconds"),
        (", after: 0", "alert web -> ops after must be a positive number of seconds or a duration such as 2h, got 0"),
        (", repeat: 31d", "alert web -> ops repeat must be more than 0 and at most 30 days, such as 5m or 2h, got 31d"),
        (", repeat: 9999999999999999999d", "alert web -> ops repeat '9999999999999999999d' is not a positive duration"),
        (", after: 5 parsecs", "alert web -> ops after '5 parsecs' is not a positive duration such as 500ms, 10s, 5m"),
        (", after: \"\"", "alert web -> ops after '' is not a positive duration"),
        (", after: ~", "after of alert web -> ops is empty; give a duration such as 5m or 2h, or leave the key out for none"),
        (", repeat: 1.5", "alert web -> ops repeat must be a duration such as 90m, 2h or 7d, or seconds, got a number"),
        (", after: [5m]", "alert web -> ops after must be a duration such as 90m, 2h or 7d, or seconds, got an array"),
        (", after: \"\(tenKilobytes)\"", "alert web -> ops after 'xxxxxxxx"),
        (", fallback: \"\(tenKilobytes)\"", "fallback of alert web -> ops is 10240 characters; at most 64 fit"),
        (", fallback: \"p\(String(repeating: "\u{301}", count: 5_000))\"", "fallback of alert web -> ops is 5001 characters; at most 64 fit"),
        (", fallback: \"pager\u{301}\"", "alert web -> ops falls back to contact 'pager\u{301}', which is not under contacts in this file"),
        (", fallback: \"pa\u{200D}ger\"", "fallback of alert web -> ops \"pa\u{200D}ger\" holds control characters"),
        (", fallback: nobody", "alert web -> ops falls back to contact 'nobody', which is not under contacts in this file; add the contact or fix the name"),
        (", fallback: [pager]", "fallback of alert web -> ops must be a contact's name, got a list"),
        (", fallback: ~", "fallback of alert web -> ops must be a contact's name, got nothing"),
        (", fallback: \"\"", "fallback of alert web -> ops is empty; give it a name"),
        (", fallback: ops", "the alert of check 'web' for contact 'ops' falls back to that same contact; choose another contact or leave fallback out"),
        (", escalate: 5m", "unknown field 'escalate' in an alert; the fields are check, contact, type, enabled, after, repeat, fallback"),
    ])
    func refused(replacement: String, expected: String) throws {
        try expectRefused(Array(Self.edited(replacement).utf8), line: 13, expected)
    }

    @Test("a loop of two through the file is refused once, naming the path and both lines")
    func loopOfTwo() throws {
        let text = Self.edited(", fallback: pager", pager: "{check: web, contact: pager, fallback: ops}")
        try expectRefused(Array(text.utf8), line: 13, "the fallbacks of check 'web' make a loop: ops -> pager -> ops (fallbacks on lines 13, 14); break it by choosing a fallback outside it")
    }

    @Test("a fallback name that is not UTF-8 refuses the file at its line")
    func notUTF8() throws {
        var bytes = Array(Self.edited(", fallback: pager").utf8)
        let at = try #require(bytes.indices.first { Array(bytes[$0..<($0 + 5)]) == Array("pager".utf8) && bytes[$0 - 2] == UInt8(ascii: ":") })
        bytes[at + 2] = 0xFF
        try expectRefused(bytes, line: 13, "the file is not UTF-8 text; save it as UTF-8")
    }

    @Test("a loop closed through a stored alert the file does not list is refused; with --prune that alert goes and the file applies")
    func loopThroughStored() throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        try catalog.apply(catalog.plan(Array(Self.edited("", pager: "{check: web, contact: pager, fallback: ops}").utf8), file: "a.yaml", prune: false))
        let ids = try Self.ids(store)
        let withoutPager = Self.file.replacingOccurrences(of: "  - {check: web, contact: pager}\n", with: "")
        let before = try StoredCatalog(store: store)
        #expect { try catalog.plan(Array(withoutPager.utf8), file: "a.yaml", prune: false) } throws: { error in
            let refusal = error as? ConfigAsCodeError
            return refusal?.problems == [.init(line: 13, "the fallbacks of check 'web' make a loop: ops -> pager -> ops; break it by choosing a fallback outside it")]
        }
        #expect(try StoredCatalog(store: store) == before)
        try catalog.apply(catalog.plan(Array(withoutPager.utf8), file: "a.yaml", prune: true))
        #expect(try store.alerts().map(\.id) == [ids.opsAlert])
        #expect(try store.alertOptions() == [ids.opsAlert: AlertOptions(afterMilliseconds: 300_000, repeatMilliseconds: 7_200_000, fallbackContactID: ids.pager)])
    }

    @Test("a batch that makes a loop is refused by the store as a whole: neither the alert's change nor its options stay")
    func storeRefusesLoopBatch() throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        try catalog.apply(catalog.plan(Array(Self.file.utf8), file: "a.yaml", prune: false))
        let ids = try Self.ids(store)
        let before = try StoredCatalog(store: store)
        #expect(throws: StoreError.self) {
            try store.applyCatalog([.updateAlert(id: ids.pagerAlert, type: .offline, enabled: false),
                                    .setAlertOptions(alert: .id(ids.pagerAlert), after: 60_000, repeat: 0, fallback: .id(ids.ops))], quiet: true)
        }
        #expect(try StoredCatalog(store: store) == before)
    }

    @Test("the API writes an alert and its options in one batch: a refused fallback leaves no alert behind, an edit keeps its options")
    func api() throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let config = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        try config.apply(config.plan(Array(Self.file.utf8), file: "a.yaml", prune: false))
        let ids = try Self.ids(store), check = try #require(try store.checkRows().first?.id)
        let catalog = LocalCatalog(store: store, host: ConfigAsCodeTests.host)
        try catalog.deleteAlert(ids.pagerAlert, quiet: true)
        let before = try StoredCatalog(store: store)
        // pager -> ops would close ops -> pager -> ops.
        #expect(throws: CatalogError.self) {
            _ = try catalog.createAlert(JSONValue.parse(#"{"check_id":\#(check),"contact_id":\#(ids.pager),"after":"1m","fallback_contact_id":\#(ids.ops)}"#))
        }
        #expect(try StoredCatalog(store: store) == before)
        let added = try catalog.createAlert(JSONValue.parse(#"{"check_id":\#(check),"contact_id":\#(ids.pager),"after":"1m"}"#))
        #expect(added.after == "1m" && added.fallbackContactID == nil)
        let edited = try catalog.updateAlert(ids.opsAlert, patch: JSONValue.parse(#"{"enabled":false}"#), quiet: true)
        #expect(edited.after == "5m" && edited.repeat == "2h" && edited.fallbackContactID == ids.pager && !edited.enabled)
    }

    @Test("through the binary: apply prints the options, alerts list shows them, a loop exits 1 naming file and line, nothing changed")
    func binary() async throws {
        let dir = try TempDirectory()
        let db = "sqlite:" + dir.file("c.sqlite")
        func run(_ arguments: [String]) async throws -> CommandResult {
            try await Command.bearmon(arguments + ["--db", db, "--plugins", TestPaths.products], timeout: 60)
        }
        let file = dir.file("a.yaml")
        try Self.file.write(toFile: file, atomically: true, encoding: .utf8)
        let applied = try await run(["apply", "-f", file])
        #expect(applied.status == 0 && applied.stdout.contains("+ alert web -> ops on both, after 5m, repeat 2h, fallback pager"), "\(applied.stdout)\(applied.stderr)")
        let listed = try await run(["alerts", "list", "--json"])
        #expect(listed.stdout.contains("\"after\":\"5m\"") && listed.stdout.contains("\"repeat\":\"2h\""), "\(listed.stdout)")
        let exported = try await run(["export"])
        #expect(exported.stdout.contains(Self.opsOptions), "\(exported.stdout)")

        let loop = dir.file("loop.yaml")
        try Self.edited(", fallback: pager", pager: "{check: web, contact: pager, fallback: ops}").write(toFile: loop, atomically: true, encoding: .utf8)
        let refused = try await run(["apply", "-f", loop])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(loop):13: the fallbacks of check 'web' make a loop: ops -> pager -> ops"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was changed"))
        #expect(try await run(["export"]).stdout == exported.stdout)
    }

    /// Plans `bytes` against a store holding the file as applied, expects one problem on
    /// `line` containing `expected`, and that nothing changed.
    private func expectRefused(_ bytes: [UInt8], line: Int, _ expected: String) throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        try catalog.apply(catalog.plan(Array(Self.file.utf8), file: "a.yaml", prune: false))
        let before = try StoredCatalog(store: store)
        #expect { try catalog.plan(bytes, file: "a.yaml", prune: false) } throws: { error in
            guard let refusal = error as? ConfigAsCodeError else { return false }
            let text = refusal.description
            return refusal.problems.count == 1 && refusal.problems[0].line == line && text.hasPrefix("a.yaml:\(line): ")
                && text.contains(expected) && text.utf8.count < 600 && text.hasSuffix("nothing was changed")
        }
        #expect(try StoredCatalog(store: store) == before)
    }
}
