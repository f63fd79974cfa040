/// An error reported by SQLite: the call, the extended result code and the message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The C function that failed.
    public let function: String
    /// The extended result code.
    public let code: Int32
    /// sqlite3_errmsg's text.
    public let message: String

    /// "sqlite3_step: [19] CHECK constraint failed: ...".
    public var description: String { "\(function): [\(code)] \(message)" }
}
