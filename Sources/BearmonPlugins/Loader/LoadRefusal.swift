/// A plugin file the loader refused: which file, why, and what to do about it.
package struct LoadRefusal: Error, Sendable, CustomStringConvertible {
    /// The file (or directory) concerned.
    package let file: String
    /// What is wrong, ending with the cause's words when there is a cause.
    package let reason: String
    /// How to fix it.
    package let fix: String
    /// The error behind the refusal (a failed system call), if any.
    package let cause: (any Error)?

    /// Creates a refusal; a `cause`'s words are added to `reason` ("cannot stat the file: ...").
    package init(file: String, reason: String, fix: String, cause: (any Error)? = nil) {
        self.file = file
        self.reason = cause.map { "\(reason): \($0)" } ?? reason
        self.fix = fix
        self.cause = cause
    }

    /// "refused /p/libx.so: <reason>. Fix: <fix>".
    package var description: String { "refused \(file): \(reason). Fix: \(fix)" }
}

extension LoadRefusal: Equatable {
    /// The same file, reason and fix; a cause counts by its words, which end the reason.
    package static func == (lhs: LoadRefusal, rhs: LoadRefusal) -> Bool {
        lhs.file == rhs.file && lhs.reason == rhs.reason && lhs.fix == rhs.fix
    }
}
