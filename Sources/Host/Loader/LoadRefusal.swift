/// A plugin file the loader refused: which file, why, and what to do about it.
public struct LoadRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or directory) concerned.
    public let file: String
    /// What is wrong.
    public let reason: String
    /// How to fix it.
    public let fix: String

    /// Creates a refusal.
    public init(file: String, reason: String, fix: String) {
        self.file = file
        self.reason = reason
        self.fix = fix
    }

    /// "refused /p/libx.so: <reason>. Fix: <fix>".
    public var description: String { "refused \(file): \(reason). Fix: \(fix)" }
}
