/// A configuration file that cannot be used: where, and why.
package struct ConfigError: Error, CustomStringConvertible, Sendable {
    /// The file's path.
    package let file: String
    /// The 1-based line, or 0 when the problem is not on one line (for example, unreadable).
    package let line: Int
    /// What is wrong and, where possible, how to fix it.
    package let reason: String
    /// The error `reason` was made from (a file that cannot be read, an address that does not
    /// parse), if any.
    package let cause: (any Error)?

    /// Creates an error for `file` at `line`.
    package init(file: String, line: Int, reason: String, cause: (any Error)? = nil) {
        self.file = file
        self.line = line
        self.reason = reason
        self.cause = cause
    }

    /// "worker.cfg:12: unknown key 'adr' in [controller] (known: addr, database, confirmations)".
    package var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

extension ConfigError: Equatable {
    /// The same place and reason; the cause is what the reason was made from.
    package static func == (lhs: ConfigError, rhs: ConfigError) -> Bool {
        lhs.file == rhs.file && lhs.line == rhs.line && lhs.reason == rhs.reason
    }
}
