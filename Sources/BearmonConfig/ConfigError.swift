/// A configuration file that cannot be used: where, and why.
package struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's path.
    package let file: String
    /// The 1-based line, or 0 when the problem is not on one line (for example, unreadable).
    package let line: Int
    /// What is wrong and, where possible, how to fix it.
    package let reason: String

    /// Creates an error for `file` at `line`.
    package init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// "worker.cfg:12: unknown key 'adr' in [controller] (known: addr, database, confirmations)".
    package var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}
