package import Logging

extension SQLStore {
    /// A second store over the same database with a connection of its own, so that one
    /// caller's queue of statements (the push API's) never waits behind another's (the
    /// controller's flips, outbox and fence checks), nor the other way round. SQLite shares
    /// the file in WAL mode with a busy timeout; MySQL opens another connection lazily.
    package func anotherConnection(logger: Logger) throws -> SQLStore {
        switch database {
        case let sqlite as SQLiteDatabase:
            return SQLStore(database: try SQLiteDatabase(path: sqlite.path))
        case let mysql as MySQLDatabase:
            return SQLStore(database: MySQLDatabase(dsns: mysql.dsns, reconnectWindow: mysql.reconnectWindow, logger: logger))
        default:
            throw StoreError.invalid("cannot open a second connection to \(location)")
        }
    }
}
