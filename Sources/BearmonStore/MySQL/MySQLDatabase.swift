import BearmonSystem
import Foundation
package import Logging
import Synchronization

/// The MySQL backend: one connection, used by one caller at a time, to the first reachable
/// of several DSNs (gobearmon's repeated `[controller] database`).
///
/// MYSQL_OPT_RECONNECT is never set: it reconnects silently and loses prepared statements and
/// open transactions. Instead a lost connection is noticed, a new one is made (trying each
/// DSN in turn, for up to `reconnectWindow`), statements are prepared again, and the whole
/// transaction runs again.
package final class MySQLDatabase: SQLDatabase, @unchecked Sendable {
    // @unchecked: the connection is a C handle that transaction bodies borrow; the compiler
    // cannot see that they use it, and `connection` changes, only while `lock` is held.
    /// MySQL.
    package let dialect = SQLDialect.mysql
    /// The DSNs, tried in order.
    package let dsns: [MySQLDSN]
    /// How long to keep trying to reconnect before giving up, in seconds.
    package let reconnectWindow: Double
    private let logger: Logger
    private let lock = Mutex(())
    private var connection: MySQLConnection?

    /// A database reached through `dsns`; nothing connects until the first statement.
    package init(dsns: [MySQLDSN], reconnectWindow: Double = 15, logger: Logger = Logger(label: "bearmon.store")) {
        precondition(!dsns.isEmpty, "at least one DSN")
        self.dsns = dsns
        self.reconnectWindow = reconnectWindow
        self.logger = logger
    }

    /// The DSNs with passwords masked.
    package var location: String { dsns.map { "mysql:\($0)" }.joined(separator: ", ") }

    /// Runs one statement in its own transaction (autocommit).
    @discardableResult
    package func execute(_ sql: String, _ parameters: [SQLValue]) throws -> SQLChange {
        try withConnection { try $0.statement(sql).run(parameters).0 }
    }

    /// Runs one query.
    package func query(_ sql: String, _ parameters: [SQLValue]) throws -> [SQLRow] {
        try withConnection { try $0.statement(sql).run(parameters).1 }
    }

    /// Runs `body` between START TRANSACTION and COMMIT, again from the start after a lost
    /// connection; other errors roll back and are thrown.
    package func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try withConnection { connection in
            try connection.execute("START TRANSACTION")
            do {
                let result = try body(MySQLTransaction(connection: connection))
                try connection.execute("COMMIT")
                return result
            } catch let error as MySQLError where error.isConnectionLoss {
                throw error
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    private func withConnection<T>(_ body: (MySQLConnection) throws -> T) throws -> T {
        // Handed out through a local: Mutex returns only values it can prove are not shared.
        var result: T?
        try lock.withLock { _ in result = try retrying(body) }
        return result!
    }

    /// Runs `body` on the connection, made first if needed, again on a new one after a loss.
    private func retrying<T>(_ body: (MySQLConnection) throws -> T) throws -> T {
        let giveUp = Deadline.after(milliseconds: Int64(reconnectWindow * 1000))
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try body(try connected())
            } catch let error as MySQLError where error.isConnectionLoss {
                connection = nil
                guard !giveUp.hasPassed, attempt < 100 else {
                    throw StoreError.unreachable(location: location, attempts: attempt, cause: error)
                }
                logger.warning("MySQL connection lost; reconnecting and retrying the whole transaction", metadata: ["error": "\(error)", "attempt": "\(attempt)"])
                Thread.sleep(forTimeInterval: min(1.0, 0.05 * Double(1 << min(attempt, 5))))
            }
        }
    }

    private func connected() throws -> MySQLConnection {
        if let connection { return connection }
        var lastError: Error?
        for dsn in dsns {
            do {
                let made = try MySQLConnection(dsn)
                connection = made
                return made
            } catch let error as MySQLError where error.isConnectionLoss {
                lastError = error
            }
        }
        throw lastError!
    }
}

/// The executor a MySQL transaction's body runs statements through.
private struct MySQLTransaction: SQLExecutor {
    let connection: MySQLConnection

    func execute(_ sql: String, _ parameters: [SQLValue]) throws -> SQLChange {
        try connection.statement(sql).run(parameters).0
    }

    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [SQLRow] {
        try connection.statement(sql).run(parameters).1
    }
}
