import Foundation
@testable import BearmonCore
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonStore

/// A controller in process over a new SQLite store whose view 1 is raised, with the C fixture
/// plugins loaded: the set-up of the suites that drive a `Controller` directly.
struct InProcessController {
    let fixture: FixtureHost
    let dir: TempDirectory
    let store: SQLStore
    let controller: Controller

    init(settings: ControllerSettings) async throws {
        fixture = try await FixtureHost()
        dir = try TempDirectory()
        store = SQLStore(database: try SQLiteDatabase(path: dir.file("controller.sqlite")))
        try store.migrate()
        _ = try store.raiseView(to: 1, holder: "test")
        controller = Controller(settings: settings, store: store, host: fixture.host, logger: quietLogger)
    }
}
