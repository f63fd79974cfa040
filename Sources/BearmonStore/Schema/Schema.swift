/// bearmon's schema: gobearmon's five tables exactly as gobearmon's install.sql has them
/// (version 1), then only additions. Existing gobearmon databases pass version 1 untouched,
/// because every statement is `CREATE TABLE IF NOT EXISTS`.
package enum Schema {
    /// Every migration, in order.
    package static let migrations: [Migration] = [gobearmonTables, bearmonTables, bearmonTablesUTF8, exactPushKeys, catalogTables, ledgerTables, uptimeTables,
                                                  dependencyTables, checkNodesTable, escalationTables]

    /// The newest version this bearmon knows.
    package static var latestVersion: Int { migrations.last!.version }

    /// A query that counts 1 when the bookkeeping table exists: read from the catalog, so
    /// that a start without anything to migrate runs no DDL at all.
    static func versionTableExists(_ dialect: SQLDialect) -> String {
        switch dialect {
        case .mysql: "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'schema_version'"
        case .sqlite: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        }
    }

    /// The bookkeeping table; created before any migration runs.
    static func versionTable(_ dialect: SQLDialect) -> String {
        switch dialect {
        case .mysql:
            """
            CREATE TABLE IF NOT EXISTS schema_version (
            	version INT NOT NULL PRIMARY KEY,
            	description VARCHAR(255) NOT NULL,
            	applied_at BIGINT NOT NULL
            )
            """
        case .sqlite:
            """
            CREATE TABLE IF NOT EXISTS schema_version (
            	version INTEGER NOT NULL PRIMARY KEY,
            	description TEXT NOT NULL,
            	applied_at INTEGER NOT NULL
            )
            """
        }
    }
}
