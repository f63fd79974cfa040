@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// The two store backends, for suites that must pass on both.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, mysql

    var testDescription: String { rawValue }

    /// A fresh, migrated store, and what keeps its files alive.
    func makeStore() throws -> (SQLStore, AnyObject) {
        switch self {
        case .sqlite:
            let dir = try TempDirectory("bearmon-sqlite")
            let store = SQLStore(database: try SQLiteDatabase(path: dir.file("bearmon.sqlite")))
            try store.migrate()
            return (store, dir)
        case .mysql:
            let server = MariaDBServer.shared
            let name = try server.createDatabase()
            let store = try StoreLocation.parse(server.dsn(name)).open(logger: quietLogger)
            try store.migrate()
            return (store, server)
        }
    }
}

import Testing
