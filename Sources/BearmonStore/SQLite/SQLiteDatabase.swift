import Foundation
package import Logging
import Synchronization

/// The SQLite backend: the embedded default for standalone mode and the CLI.
package final class SQLiteDatabase: SQLDatabase, @unchecked Sendable {
    // @unchecked: the connection is a C handle that transaction bodies borrow; the compiler
    // cannot see that they use it only while `lock` is held.
    /// SQLite.
    package let dialect = SQLDialect.sqlite
    /// The database file.
    package let path: String
    private let lock = Mutex(())
    private let connection: SQLiteConnection

    /// Opens (creating if needed, mode 0600) the database file at `path`.
    package init(path: String, logger: Logger = Logger(label: "bearmon.store")) throws {
        self.path = path
        do {
            try SQLiteFileMode.prepare(path: path, logger: logger)
            connection = try SQLiteConnection(path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, cause: error)
        }
    }

    /// "sqlite:PATH".
    package var location: String { "sqlite:\(path)" }

    /// Runs one statement.
    @discardableResult
    package func execute(_ sql: String, _ parameters: [SQLValue]) throws -> SQLChange {
        try locked { try connection.run(sql, parameters).0 }
    }

    /// Runs one query.
    package func query(_ sql: String, _ parameters: [SQLValue]) throws -> [SQLRow] {
        try locked { try connection.run(sql, parameters).1 }
    }

    /// Runs `body` in a write transaction. BEGIN IMMEDIATE takes the write lock up front, so
    /// two processes never deadlock upgrading read locks; the busy timeout makes one wait.
    package func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try locked {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                let result = try body(SQLiteTransaction(connection: connection))
                try connection.execute("COMMIT")
                return result
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    private func locked<T>(_ body: () throws -> T) throws -> T {
        // Handed out through a local: Mutex returns only values it can prove are not shared.
        var result: T?
        try lock.withLock { _ in result = try body() }
        return result!
    }
}

/// The executor a SQLite transaction's body runs statements through.
private struct SQLiteTransaction: SQLExecutor {
    let connection: SQLiteConnection

    func execute(_ sql: String, _ parameters: [SQLValue]) throws -> SQLChange { try connection.run(sql, parameters).0 }
    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [SQLRow] { try connection.run(sql, parameters).1 }
}
