import BearmonCore

/// What a loaded module says about itself, and where it came from.
package struct ModuleInfo: Sendable, Equatable {
    /// The shared object's path, or "built-in" for types compiled into bearmon.
    package let file: String
    /// The module's name.
    package let name: String
    /// The module's version.
    package let version: String
    /// One line about it.
    package let description: String
    /// The ABI major it was built against.
    package let abiMajor: UInt32
    /// The ABI minor it was built against.
    package let abiMinor: UInt32
    /// "c", or a Swift toolchain id.
    package let toolchain: String
    /// The config section it reads, if any.
    package let configSection: String?

    /// The pseudo-module that holds types compiled into bearmon itself.
    package static let builtIn = ModuleInfo(
        file: "built-in", name: "built-in", version: BearmonVersion.current, description: "types compiled into bearmon",
        abiMajor: UInt32(1), abiMinor: UInt32(0), toolchain: "built-in", configSection: nil
    )

    /// "1.0".
    package var abiVersion: String { "\(abiMajor).\(abiMinor)" }
}

