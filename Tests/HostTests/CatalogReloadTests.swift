import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonStore

/// The controller's periodic reload (issue 26): a reload that finds the catalog as it last
/// loaded it skips rebuilding the schedule, and every kind of change still reaches the
/// scheduler on the next reload: an edit, a new and a removed check, a pin, a disabled
/// check, a poison row put right, and a status set in SQL.
@Suite("catalog reload: unchanged reloads are cheap, changes still land")
struct CatalogReloadTests {
    let fixture: FixtureHost
    let store: SQLStore
    let dir: TempDirectory
    let controller: Controller

    init() async throws {
        let harness = try await InProcessController(settings: ControllerSettings(node: "test", confirmations: 1))
        (fixture, dir, store, controller) = (harness.fixture, harness.dir, harness.store, harness.controller)
    }

    private func addCheck(_ name: String, type: String = "fixture") throws -> Int64 {
        try store.addCheck(NewCheck(name: name, type: type, data: #"{"mode":"online"}"#, interval: 1, delay: 0))
    }

    private func definition(_ id: Int64) async -> CheckDefinition? { await controller.scheduler.checks[id]?.definition }

    /// Reloads `times` times and returns how many of them loaded the scheduler in full.
    private func reloads(_ times: Int = 3) async throws -> Int {
        let before = await controller.catalogLoads
        for _ in 0..<times { try await controller.reloadCatalog() }
        return await controller.catalogLoads - before
    }

    @Test("reloads of an unchanged catalog keep the schedule as it is and load nothing")
    func unchanged() async throws {
        let web = try addCheck("web")
        let db = try addCheck("db")
        try await controller.takeView(1)
        let loaded = try #require(await definition(web))
        #expect(try await reloads() == 0)
        #expect(await definition(web) == loaded)
        #expect(await definition(db) != nil)
    }

    @Test("an edit, a new check, a removed one, a disabled one and a pin each reach the scheduler on the next reload")
    func changesLand() async throws {
        let web = try addCheck("web")
        let gone = try addCheck("gone")
        let off = try addCheck("off")
        try await controller.takeView(1)
        #expect(try await reloads() == 0)

        try store.database.execute("UPDATE checks SET check_interval = 7 WHERE id = \(web)")
        #expect(try await reloads(1) == 1)
        #expect(await definition(web)?.intervalSeconds == 7)

        let new = try addCheck("new")
        #expect(try await reloads(1) == 1)
        #expect(await definition(new) != nil)

        try store.database.execute("DELETE FROM checks WHERE id = \(gone)")
        #expect(try await reloads(1) == 1)
        #expect(await definition(gone) == nil)

        try store.database.execute("UPDATE checks SET enabled = 0 WHERE id = \(off)")
        #expect(try await reloads(1) == 1)
        #expect(await definition(off) == nil)

        try store.setCheckNodes(web, ["w1"])
        #expect(try await reloads(1) == 1)
        #expect(await definition(web)?.nodes == ["w1"])
        #expect(try await reloads() == 0)
    }

    @Test("a poison row stays reported through unchanged reloads and runs once put right")
    func poisonPutRight() async throws {
        let web = try addCheck("web")
        let broken = try addCheck("broken", type: "no_such_type")
        try await controller.takeView(1)
        #expect(await controller.poison[broken] != nil)
        #expect(try await reloads() == 0)
        #expect(await controller.poison[broken] != nil)
        #expect(await definition(broken) == nil)

        try store.database.execute("UPDATE checks SET type = 'fixture' WHERE id = \(broken)")
        #expect(try await reloads(1) == 1)
        #expect(await controller.poison[broken] == nil)
        #expect(await definition(broken) != nil)
        #expect(await definition(web) != nil)
    }

    @Test("a status set in SQL is adopted by the next reload, with nothing else changed")
    func statusEditAdopted() async throws {
        let web = try addCheck("web")
        try await controller.takeView(1)
        #expect(try await reloads() == 0)
        #expect(await definition(web)?.status == .online)
        try store.database.execute("UPDATE checks SET status = 'offline' WHERE id = \(web)")
        try await controller.reloadCatalog()
        #expect(await controller.knownStatus[web] == .offline)
        #expect(await definition(web)?.status == .offline)
    }
}
