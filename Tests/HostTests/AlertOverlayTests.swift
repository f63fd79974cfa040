import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore
@testable import BearmonWeb
@testable import BearmonWire

/// Issue 22's overlays and words: a check unreachable behind an offline parent, and one
/// flapping, as `bearmon status` (text and JSON), the API's check resource and the dashboard
/// show them, with `checks.status` keeping its value. (What e-mails say FlappingEndToEndTests
/// reads off a real SMTP server.)
@Suite("unreachable and flapping: status, API and dashboard")
struct AlertOverlayTests {
    /// Marks `child` unreachable behind `parent` and `flappy` flapping, as the controller's rules would.
    static func mark(_ store: SQLStore, child: Int64, parent: Int64, flappy: Int64, since: Int64) throws {
        for (id, sql) in [(child, "UPDATE check_alert_states SET unreachable_parent = \(parent), unreachable_since = \(since) WHERE check_id = ?"),
                          (flappy, "UPDATE check_alert_states SET flapping_since = \(since), flapping_share = 0.55, states = 'ududud' WHERE check_id = ?")] {
            try store.database.execute("INSERT INTO check_alert_states (check_id) VALUES (?)", [.int(id)])
            try store.database.execute(sql, [.int(id)])
        }
    }

    @Test("bearmon status --db: the text says unreachable (parent N (name) offline) and flapping; the JSON and the API resource carry them; status stays")
    func statusAndAPI() async throws {
        let dir = try TempDirectory("bearmon-alert-overlay")
        let path = dir.file("o.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try store.migrate()
        let router = try store.addCheck(NewCheck(name: "router", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let web = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        let flappy = try store.addCheck(NewCheck(name: "flappy", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        try store.applyCatalog([.setDependencies(check: .id(web), parents: [.id(router)])], quiet: true)
        let since = wallMilliseconds() - 60_000
        try Self.mark(store, child: web, parent: router, flappy: flappy, since: since)

        let text = try await Command.bearmon(["status", "--db", "sqlite:\(path)"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("check \(web) is unreachable (parent \(router) (router) offline since "), "\(text.stdout)")
        #expect(text.stdout.contains("check \(flappy) is flapping (55% weighted changes) since "), "\(text.stdout)")
        #expect(!text.stdout.contains("check \(router) is"), "\(text.stdout)")

        let json = try await Command.bearmon(["status", "--db", "sqlite:\(path)", "--json"])
        let report = try WireJSON.decoder.decode(StatusReport.self, from: Data(json.stdout.utf8))
        let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0) })
        #expect(checks[web]?.unreachable == CheckOverlay.Unreachable(parent: router, name: "router", since: since))
        #expect(checks[flappy]?.flapping == CheckOverlay.Flapping(since: since, share: 0.55))
        #expect(checks[web]?.status == "online", "the overlay replaced the stored status")

        let catalog = LocalCatalog(store: store, host: ProductChecks().host)
        let resource = try catalog.check(web)
        #expect(resource.unreachable?.parent == router && resource.dependsOn == [router] && resource.status == "online")
        #expect(try catalog.check(flappy).flapping?.share == 0.55)
        // A patch may send the overlays back; they are ignored.
        guard case .object(var shown) = LocalCatalog.json(resource) else { Issue.record("not an object"); return }
        shown["interval"] = .int(30)
        #expect(try catalog.updateCheck(web, patch: .object(shown), quiet: true).interval == 30)
    }

    @Test("the dashboard shows unreachable and flapping checks so")
    func dashboard() throws {
        let scene = try WebRoutesTests.Scene()
        try scene.store.applyCatalog([.setDependencies(check: .id(scene.db), parents: [.id(scene.api)])], quiet: true)
        try Self.mark(scene.store, child: scene.db, parent: scene.api, flappy: scene.hostile, since: scene.now - 60_000)
        let page = try scene.pages().dashboard(DashboardQuery([:]))
        let format = WebFormat(zone: "UTC")
        #expect(page.contains("Unreachable: parent \(scene.api) (api) offline since \(format.time(scene.now - 60_000))"), "\(page)")
        #expect(page.contains("Flapping since \(format.time(scene.now - 60_000)) (55% weighted changes); its flips are held"), "\(page)")
    }
}
