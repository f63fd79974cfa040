package import BearmonConfig
package import Logging
package import Foundation

/// Which database a command or role uses: `--db`, else the config file, else the default
/// SQLite file in the current directory — the same default for standalone and the CLI.
package enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file.
    case sqlite(String)
    /// MySQL, through the first reachable DSN.
    case mysql([MySQLDSN])

    /// The default database file.
    package static let defaultSQLitePath = "bearmon.sqlite"

    /// Parses a `--db` value: `sqlite:PATH`, `mysql:DSN`, or a bare gobearmon DSN.
    package static func parse(_ text: String) throws(StoreError) -> StoreLocation {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .invalidLocation("--db sqlite: needs a path, for example sqlite:/var/lib/bearmon/bearmon.sqlite") }
            return .sqlite(path)
        }
        let dsn = text.hasPrefix("mysql:") ? String(text.dropFirst("mysql:".count)) : text
        guard dsn.contains("/") else {
            throw .invalidLocation("--db '\(MySQLDSN.redact(text))' is neither sqlite:PATH nor a MySQL DSN such as user:password@tcp(host:3306)/bearmon")
        }
        return .mysql([try MySQLDSN(parsing: dsn)])
    }

    /// `--db` if given, else `[controller] database` (MySQL DSNs, tried in turn), else
    /// `[store] sqlite`, else ``defaultSQLitePath``. A MySQL DSN without a password takes
    /// `[store] passwordFile`'s, else `BEARMON_DB_PASSWORD`'s (see ``MySQLPassword``).
    package static func resolve(
        db: String?, config: Config, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(StoreError) -> StoreLocation {
        let location = try choose(db: db, config: config)
        guard case .mysql(let dsns) = location else { return location }
        guard let password = try MySQLPassword.resolve(config: config, environment: environment) else { return location }
        return .mysql(dsns.map { $0.password == nil ? $0.with(password: password) : $0 })
    }

    private static func choose(db: String?, config: Config) throws(StoreError) -> StoreLocation {
        if let db { return try parse(db) }
        let dsns = config.list("controller", "database")
        let sqlite = config.string("store", "sqlite")
        if !dsns.isEmpty && sqlite != nil {
            throw .invalidLocation("\(config.file): set either [controller] database (MySQL) or [store] sqlite, not both")
        }
        if !dsns.isEmpty {
            var parsed: [MySQLDSN] = []
            for dsn in dsns { parsed.append(try MySQLDSN(parsing: dsn)) }
            return .mysql(parsed)
        }
        return .sqlite(sqlite ?? defaultSQLitePath)
    }

    /// Opens the store (connecting lazily for MySQL).
    package func open(logger: Logger = Logger(label: "bearmon.store")) throws -> SQLStore {
        switch self {
        case .sqlite(let path): SQLStore(database: try SQLiteDatabase(path: path, logger: logger))
        case .mysql(let dsns): SQLStore(database: MySQLDatabase(dsns: dsns, logger: logger))
        }
    }

    /// "sqlite:PATH" or "mysql:DSN, ..." with passwords masked.
    package var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .mysql(let dsns): dsns.map { "mysql:\($0)" }.joined(separator: ", ")
        }
    }
}
