import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore
@testable import BearmonWire

/// Overlays: a check in a maintenance window (id, name, until) or under a silence (id, until,
/// comment, creator) is shown so by the API's check resource, `bearmon status` (text and
/// JSON) and a node's `/v1/checks`, with its held notifications counted; `checks.status`
/// keeps its value, and a patch may send the overlay back.
@Suite("check overlays: maintenance, silences, held counts")
struct CheckOverlayTests {
    /// An hour, in ms.
    private static let hour: Int64 = 3_600_000

    /// Check `inside` in a named window over it, check `tagged` under a silence of tag db,
    /// and check `plain` under nothing; returns the window's and the silence's ids.
    private static func holds(_ store: any Store, inside: Int64, tagged: Int64, now: Int64) throws -> (window: Int64, silence: Int64, until: Int64) {
        let until = now + hour
        let window = try store.addMaintenance(MaintenanceRow(id: 0, name: "db upgrade", scope: .check(inside), timing: .oneOff(start: now - 60_000, end: until),
                                                             comment: "", createdBy: "alice", createdAt: now), now: now)
        // A window over the same check that is over, and one not yet begun: neither shows.
        _ = try store.addMaintenance(MaintenanceRow(id: 0, name: "", scope: .check(inside), timing: .oneOff(start: now - 2 * hour, end: now - hour),
                                                    comment: "", createdBy: "alice", createdAt: now), now: now)
        _ = try store.addMaintenance(MaintenanceRow(id: 0, name: "", scope: .all, timing: .oneOff(start: now + hour, end: now + 2 * hour),
                                                    comment: "", createdBy: "alice", createdAt: now), now: now)
        let silence = try store.addSilence(SilenceRow(id: 0, scope: .tag("db"), startsAt: now - 60_000, expiresAt: until, comment: "noisy replica", createdBy: "bob",
                                                      createdAt: now), now: now)
        #expect(try store.applyCatalog([.updateCheck(id: tagged, NewCheck(name: "replica", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, enabled: false),
                                                     tags: ["db"], isPublic: false)]).isEmpty)
        return (window, silence, until)
    }

    @Test("the API's check resource: maintenance and silence with their ids and ends, a held count, status untouched; a patch may send them back")
    func catalogResource() throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let now = wallMilliseconds()
        let catalog = LocalCatalog(store: store, host: ProductChecks().host, now: { now })
        let inside = try store.addCheck(NewCheck(name: "primary", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let tagged = try store.addCheck(NewCheck(name: "replica", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let plain = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let contact = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/hook")
        _ = try store.addAlert(checkID: inside, contactID: contact, type: .both)
        let (window, silence, until) = try Self.holds(store, inside: inside, tagged: tagged, now: now)
        #expect(try store.raiseView(to: 1, holder: "test"))
        // An outage inside the window: its notification is held, and counted.
        _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: inside, status: .offline, message: "down", time: now,
                                             checkName: "primary", checkType: "tcp", maskedData: "{}"), view: 1)

        let shown = try catalog.check(inside)
        #expect(shown.maintenance == CheckOverlay.Maintenance(id: window, name: "db upgrade", until: until))
        #expect(shown.silence == nil && shown.held == 1 && shown.status == "offline", "\(shown)")
        #expect(try store.checkRow(inside)?.status == "offline", "the overlay was stored in checks.status")
        let replica = try catalog.check(tagged)
        #expect(replica.silence == CheckOverlay.Silence(id: silence, until: until, comment: "noisy replica", creator: "bob"))
        #expect(replica.maintenance == nil && replica.held == nil)
        let unheld = try catalog.check(plain)
        #expect(unheld.maintenance == nil && unheld.silence == nil && unheld.held == nil)

        let page = try catalog.listChecks(PageRequest(), tag: nil)
        #expect(page.items.map(\.maintenance?.id) == [window, nil, nil] && page.items.map(\.silence?.id) == [nil, silence, nil])
        let text = CatalogJSON.encoder.encodeText(shown)
        #expect(text.contains(#""maintenance":{"id":\#(window),"name":"db upgrade","until":\#(until)}"#) && text.contains(#""held":1"#), "\(text)")
        #expect(!CatalogJSON.encoder.encodeText(unheld).contains("maintenance"), "an empty overlay is shown")

        // The whole shown check sent back with one change: the overlay is ignored, not refused.
        guard case .object(var fields) = LocalCatalog.json(replica) else { Issue.record("not an object"); return }
        fields["interval"] = .int(120)
        let changed = try catalog.updateCheck(tagged, patch: .object(fields))
        #expect(changed.interval == 120 && changed.silence?.id == silence)
        // A silence ended early no longer shows.
        try store.endSilence(silence, now: now - 1)
        #expect(try catalog.check(tagged).silence == nil)
    }

    @Test("bearmon status --db and checks list/show: the text says in maintenance or silenced, until when, and the held count; the JSON carries them")
    func statusFromTheDatabase() async throws {
        let dir = try TempDirectory("bearmon-overlay-status")
        let path = dir.file("status.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try store.migrate()
        let inside = try store.addCheck(NewCheck(name: "primary", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let tagged = try store.addCheck(NewCheck(name: "replica", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let plain = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let (window, silence, until) = try Self.holds(store, inside: inside, tagged: tagged, now: wallMilliseconds())
        let contact = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/hook")
        _ = try store.addAlert(checkID: inside, contactID: contact, type: .both)
        #expect(try store.raiseView(to: 1, holder: "test"))
        _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: inside, status: .offline, message: "down", time: wallMilliseconds(),
                                             checkName: "primary", checkType: "tcp", maskedData: "{}"), view: 1)

        let text = try await Command.bearmon(["status", "--db", "sqlite:\(path)"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("check \(inside) is in maintenance \(window) (db upgrade) until "), "\(text.stdout)")
        #expect(text.stdout.contains("check \(tagged) is silenced by \(silence) until ") && text.stdout.contains("(bob: noisy replica)"), "\(text.stdout)")
        #expect(!text.stdout.contains("check \(plain) is"), "\(text.stdout)")
        #expect(text.stdout.contains("check \(inside) has 1 held notification(s)") && !text.stdout.contains("check \(tagged) has"), "\(text.stdout)")

        let json = try await Command.bearmon(["status", "--db", "sqlite:\(path)", "--json"])
        let report = try WireJSON.decoder.decode(StatusReport.self, from: Data(json.stdout.utf8))
        let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0) })
        #expect(checks[inside]?.maintenance == CheckOverlay.Maintenance(id: window, name: "db upgrade", until: until))
        #expect(checks[tagged]?.silence == CheckOverlay.Silence(id: silence, until: until, comment: "noisy replica", creator: "bob"))
        #expect(checks[plain]?.maintenance == nil && checks[plain]?.silence == nil)
        #expect(checks[inside]?.held == 1 && checks[tagged]?.held == nil)
        // checks list and checks show say the same.
        let listed = try await Command.bearmon(["checks", "list", "--db", "sqlite:\(path)"])
        #expect(listed.stdout.contains("check \(inside) is in maintenance \(window) (db upgrade) until ") && listed.stdout.contains("check \(inside) has 1 held notification(s)"),
                "\(listed.stdout)")
        let shown = try await Command.bearmon(["checks", "show", String(tagged), "--json", "--db", "sqlite:\(path)"])
        let object = (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])?.first
        #expect((object?["silence"] as? [String: Any])?["creator"] as? String == "bob" && object?["maintenance"] == nil, "\(shown.stdout)")
        let stored = try store.checkRow(inside)?.status
        #expect(checks[inside]?.status == "offline" && stored == "offline", "the overlay replaced the stored status")
    }

    @Test("a running node: /v1/checks (bearmon status --addr) and GET /api/v1/checks/{id} show the overlay")
    func runningNode() async throws {
        let node = try await offPool { try AccessNode() }
        let store = try node.store()
        let inside = try store.addCheck(NewCheck(name: "primary", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, enabled: false))
        let tagged = try store.addCheck(NewCheck(name: "replica", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, enabled: false))
        let (window, silence, until) = try Self.holds(store, inside: inside, tagged: tagged, now: wallMilliseconds())

        let status = try await Command.bearmon(["status", "--addr", node.node.address, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let report = try WireJSON.decoder.decode(StatusReport.self, from: Data(status.stdout.utf8))
        #expect(report.source == "live")
        #expect(report.checks.first { $0.id == inside }?.maintenance == CheckOverlay.Maintenance(id: window, name: "db upgrade", until: until), "\(status.stdout)")
        #expect(report.checks.first { $0.id == tagged }?.silence?.id == silence)
        let text = try await Command.bearmon(["status", "--addr", node.node.address])
        #expect(text.stdout.contains("check \(inside) is in maintenance \(window) (db upgrade)"), "\(text.stdout)")

        let answer = try await offPool { try node.call("GET", "/api/v1/checks/\(tagged)", headers: node.bearer("reader")) }
        let resource = try CatalogJSON.decoder.decode(CheckResource.self, from: answer.data)
        #expect(answer.code == 200 && resource.silence == CheckOverlay.Silence(id: silence, until: until, comment: "noisy replica", creator: "bob"))
        let list = try await offPool { try node.call("GET", "/api/v1/checks?tag=db", headers: node.bearer("reader")) }
        #expect(list.entries("items").first?["silence"] != nil, "\(String(decoding: list.data, as: UTF8.self))")
    }
}
