import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore

/// Config as code's `maintenances:` section: windows keyed by name over a check of the file (a
/// new one too, in the same transaction), a tag or all; export and apply back to no change;
/// changes in place; prune; and bad windows refused with their line, nothing written.
@Suite("config as code: maintenance windows", .serialized)
struct HoldsConfigAsCodeTests {
    static let host = try! PluginHost(config: Config(), directory: TestPaths.products, threads: 1, logger: quietLogger)

    static let file = """
        checks:
          web:
            type: tcp
            data: {address: "127.0.0.1:1"}
            tags: [db]
        maintenances:
          nightly:
            tag: db
            cron: 0 2 * * SUN
            duration: 2h
            time_zone: Europe/Berlin
            comment: backups
          upgrade:
            check: web
            start: 2099-12-01T02:00:00+01:00
            end: "2099-12-01T04:30:00.250Z"
          everything:
            all: true
            cron: "*/30 * * * *"
            duration: 600

        """

    private func plan(_ store: SQLStore, _ text: String, prune: Bool = false) throws -> CatalogPlan {
        try ConfigAsCode(store: store, host: Self.host).plan(Array(text.utf8), file: "bearmon.yaml", prune: prune)
    }

    @Test("apply adds windows over a new check in one transaction; export applies back to no change", arguments: StoreBackend.allCases)
    func roundTrip(_ backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let configAsCode = ConfigAsCode(store: store, host: Self.host)
        let first = try plan(store, Self.file)
        #expect(first.count(.add) == 4, "\(first.lines)")
        #expect(first.lines.map(\.description).contains("+ maintenance nightly (tag db, 0 2 * * SUN for 2h in Europe/Berlin): backups"), "\(first.lines)")
        try configAsCode.apply(first)
        let windows = try store.maintenances()
        let web = try #require(try store.checkRows().first { $0.name == "web" })
        #expect(windows.map(\.name) == ["nightly", "upgrade", "everything"])
        #expect(windows[1].scope == .check(web.id) && windows[1].timing == .oneOff(start: 4_099_770_000_000, end: 4_099_782_600_250))
        #expect(windows[2].scope == .all && windows[2].timing == .recurring(cron: "*/30 * * * *", durationSeconds: 600, timeZone: "UTC"))
        #expect(windows.allSatisfy { $0.createdBy == CatalogPlanner.creator })

        let exported = try configAsCode.export(withSecrets: false)
        #expect(exported.contains("maintenances:") && exported.contains("cron: \"*/30 * * * *\""), "\(exported)")
        #expect(try plan(store, Self.file).isEmpty)
        let back = try plan(store, exported)
        #expect(back.isEmpty, "\(back.lines)")

        // A window made by the CLI has no name: the file calls it maintenance-ID, and keeps it so.
        let unnamed = try store.addMaintenance(MaintenanceRow(id: 0, name: "", scope: .tag("db"), timing: .recurring(cron: "0 3 * * *", durationSeconds: 60, timeZone: "UTC"),
                                                              comment: "", createdBy: "local:root", createdAt: 0), now: 1)
        let withUnnamed = try configAsCode.export(withSecrets: false)
        #expect(withUnnamed.contains("maintenance-\(unnamed):"))
        #expect(try plan(store, withUnnamed).isEmpty)

        // Changed in place (same id); the file without a window keeps it unless --prune.
        let changed = Self.file.replacingOccurrences(of: "duration: 2h", with: "duration: 3h").replacingOccurrences(of: "comment: backups", with: "comment: longer backups")
        let update = try plan(store, changed)
        #expect(update.lines.map(\.description).contains { $0.hasPrefix("~ maintenance nightly (id \(windows[0].id)): 0 2 * * SUN for 2h in Europe/Berlin -> 0 2 * * SUN for 3h in Europe/Berlin; comment changed") },
                "\(update.lines)")
        #expect(update.count(.keep) == 1)
        try configAsCode.apply(update)
        #expect(try store.maintenances().first { $0.id == windows[0].id }?.timing == .recurring(cron: "0 2 * * SUN", durationSeconds: 10_800, timeZone: "Europe/Berlin"))
        let pruned = try plan(store, changed, prune: true)
        #expect(pruned.lines.map(\.description).contains("- maintenance maintenance-\(unnamed) (id \(unnamed))"), "\(pruned.lines)")
        try configAsCode.apply(pruned)
        #expect(try store.maintenances().count == 3)

        // --prune of the check deletes the window on it with it.
        let noWeb = "checks:\n  other:\n    type: tcp\n    data: {address: \"127.0.0.1:2\"}\n    tags: [db]\nmaintenances:\n  nightly:\n    tag: db\n    cron: 0 2 * * SUN\n    duration: 3h\n    time_zone: Europe/Berlin\n    comment: longer backups\n"
        try configAsCode.apply(try plan(store, noWeb, prune: true))
        #expect(try store.maintenances().map(\.name) == ["nightly"])
    }

    @Test("a bad window is refused with its line and the fix, and nothing of the file is written", arguments: StoreBackend.allCases)
    func badWindows(_ backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let head = "checks:\n  web:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n    tags: [db]\nmaintenances:\n  w:\n"
        let cases: [(String, String)] = [
            ("    check: nosuch\n    cron: 0 2 * * *\n    duration: 1h\n", "names check 'nosuch', which is not under checks in this file"),
            ("    tag: nosuch\n    cron: 0 2 * * *\n    duration: 1h\n", "names tag 'nosuch', which no check carries"),
            ("    all: true\n    cron: 0 2 * * *\n    duration: 1h\n    time_zone: Mars/Base\n", "unknown time zone 'Mars/Base'"),
            ("    all: true\n    cron: 0 0 31 2 *\n    duration: 1h\n", "no occurrence in the 366 days"),
            ("    all: true\n    cron: 0 2 * *\n    duration: 1h\n", "has 4 fields"),
            ("    all: true\n    start: 2099-01-01T03:00:00Z\n    end: 2099-01-01T02:00:00Z\n", "before or when it starts"),
            ("    all: true\n    start: 2001-01-01T03:00:00Z\n    end: 2001-01-01T04:00:00Z\n", "which is past"),
            ("    all: true\n    cron: 0 2 * * *\n    duration: 1s\n", "out of bounds"),
            ("    cron: 0 2 * * *\n    duration: 1h\n", "needs a scope"),
            ("    all: true\n    cron: 0 2 * * *\n    duration: 1h\n    colour: red\n", "unknown field 'colour'"),
            ("    all: true\n    cron: [0, 2]\n    duration: 1h\n", "cron must be a string"),
        ]
        for (body, words) in cases {
            do {
                _ = try plan(store, head + body)
                Issue.record("accepted: \(body)")
            } catch let error as ConfigAsCodeError {
                // One problem, on the window's line (or its field's).
                #expect(error.problems.count == 1 && (error.problems.first?.line ?? 0) >= 7 && error.description.contains(words), "\(body): \(error)")
            }
        }
        let named = "checks: {}\nmaintenances:\n  maintenance-4:\n    all: true\n    cron: 0 2 * * *\n    duration: 1h\n"
        #expect(throws: ConfigAsCodeError.self) { try plan(store, named) }
        #expect(try store.checkRows().isEmpty && store.maintenances().isEmpty)
    }
}
