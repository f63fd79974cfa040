/// Runs statements: the database itself (each statement in its own transaction) or the
/// transaction handed to ``SQLDatabase/transaction(_:)``.
public protocol SQLExecutor {
    /// Runs a statement that returns no rows; returns the rows it changed and the last
    /// inserted id.
    @discardableResult
    func execute(_ sql: String, _ parameters: [SQLValue]) throws -> SQLChange
    /// Runs a query and returns all its rows.
    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [SQLRow]
}

/// What a write did.
public struct SQLChange: Sendable, Equatable {
    /// Rows the statement changed (or matched, for MySQL updates that set equal values).
    public let affectedRows: Int64
    /// The auto-increment id of the last inserted row, or 0.
    public let lastInsertID: Int64
}

extension SQLExecutor {
    /// Runs a statement without parameters.
    @discardableResult
    public func execute(_ sql: String) throws -> SQLChange { try execute(sql, []) }

    /// Runs a query without parameters.
    public func query(_ sql: String) throws -> [SQLRow] { try query(sql, []) }
}
