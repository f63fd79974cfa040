/// What a loaded module says about itself, and where it came from.
public struct ModuleInfo: Sendable, Equatable {
    /// The shared object's path, or "built-in" for types compiled into bearmon.
    public let file: String
    /// The module's name.
    public let name: String
    /// The module's version.
    public let version: String
    /// One line about it.
    public let description: String
    /// The ABI major it was built against.
    public let abiMajor: UInt32
    /// The ABI minor it was built against.
    public let abiMinor: UInt32
    /// "c", or a Swift toolchain id.
    public let toolchain: String
    /// The config section it reads, if any.
    public let configSection: String?

    /// The pseudo-module that holds types compiled into bearmon itself.
    public static let builtIn = ModuleInfo(
        file: "built-in", name: "built-in", version: BearmonVersion.current, description: "types compiled into bearmon",
        abiMajor: UInt32(1), abiMinor: UInt32(0), toolchain: "built-in", configSection: nil
    )

    /// "1.0".
    public var abiVersion: String { "\(abiMajor).\(abiMinor)" }
}

/// bearmon's own version.
public enum BearmonVersion {
    /// The version string shown by `bearmon --version` and given to plugins.
    public static let current = "0.1.0"
}
