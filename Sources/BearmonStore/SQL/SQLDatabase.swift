/// One of the two SQL backends (MySQL, SQLite) under the store.
///
/// Contract: every method is safe to call from any thread and blocks until done (call it from
/// a blocking context, never an event loop). `transaction` runs `body` atomically; when the
/// connection is lost midway, the backend reconnects and runs the whole `body` again, so
/// `body` must do nothing but SQL through the executor it is given.
package protocol SQLDatabase: SQLExecutor, AnyObject, Sendable {
    /// Which SQL flavour statements must be written in.
    var dialect: SQLDialect { get }
    /// Where the data lives, with any password masked, for messages.
    var location: String { get }
    /// Runs `body` in one transaction, retried whole after a lost connection.
    func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T
}

/// The SQL flavour of a backend.
package enum SQLDialect: String, Sendable {
    /// MySQL or MariaDB.
    case mysql
    /// SQLite 3.
    case sqlite
}
