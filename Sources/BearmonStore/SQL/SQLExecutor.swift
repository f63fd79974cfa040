/// Runs statements: the database itself (each statement in its own transaction) or the
/// transaction handed to ``SQLDatabase/transaction(_:)``.
package protocol SQLExecutor {
    /// Runs a statement that returns no rows; returns the rows it changed and the last
    /// inserted id.
    @discardableResult
    func execute(_ sql: String, _ parameters: [SQLValue]) throws -> SQLChange
    /// Runs a query and returns all its rows.
    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [SQLRow]
}

/// What a write did.
package struct SQLChange: Sendable, Equatable {
    /// Rows the statement changed (or matched, for MySQL updates that set equal values).
    package let affectedRows: Int64
    /// The auto-increment id of the last inserted row, or 0.
    package let lastInsertID: Int64
}

extension SQLExecutor {
    /// Runs a statement without parameters.
    @discardableResult
    package func execute(_ sql: String) throws -> SQLChange { try execute(sql, []) }

    /// Runs a query without parameters.
    package func query(_ sql: String) throws -> [SQLRow] { try query(sql, []) }
}
