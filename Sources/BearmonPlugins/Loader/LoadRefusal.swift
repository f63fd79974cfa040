/// A plugin file the loader refused: which file, why, and what to do about it.
package struct LoadRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or directory) concerned.
    package let file: String
    /// What is wrong.
    package let reason: String
    /// How to fix it.
    package let fix: String

    /// Creates a refusal.
    package init(file: String, reason: String, fix: String) {
        self.file = file
        self.reason = reason
        self.fix = fix
    }

    /// "refused /p/libx.so: <reason>. Fix: <fix>".
    package var description: String { "refused \(file): \(reason). Fix: \(fix)" }
}
