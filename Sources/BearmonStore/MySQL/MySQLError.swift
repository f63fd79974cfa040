import CMariaDB

/// An error reported by libmariadb: which call failed, the server or client error code, the
/// SQLSTATE and the message.
package struct MySQLError: Error, Sendable, CustomStringConvertible {
    /// The C function that failed.
    package let function: String
    /// mysql_errno / mysql_stmt_errno.
    package let code: UInt32
    /// The five-character SQLSTATE.
    package let sqlState: String
    /// The error text.
    package let message: String

    /// Whether the connection is gone, so the transaction must be retried on a new one.
    package var isConnectionLoss: Bool { bm_mysql_is_connection_error(code) != 0 }

    /// "mysql_stmt_execute: [1406/22001] Data too long for column 'data' at row 1".
    package var description: String { "\(function): [\(code)/\(sqlState)] \(message)" }
}
