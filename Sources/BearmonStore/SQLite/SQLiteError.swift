/// An error reported by SQLite: the call, the extended result code and the message.
package struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The C function that failed.
    package let function: String
    /// The extended result code.
    package let code: Int32
    /// sqlite3_errmsg's text.
    package let message: String

    /// "sqlite3_step: [19] CHECK constraint failed: ...".
    package var description: String { "\(function): [\(code)] \(message)" }
}
