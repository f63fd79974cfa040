import CToolchain
import PluginABI

/// A plugin module written in Swift: its identity and the types it registers.
///
/// A plugin's whole entry point is one line:
/// ```swift
/// @_cdecl("bearmon_plugin_entry_v1")
/// public func entry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
///     Module(name: "tcp", version: "1.0.0", description: "...", checks: [TCPCheck()]).export(host)
/// }
/// ```
public struct Module: Sendable {
    /// The module name used in messages.
    public var name: String
    /// The module's version.
    public var version: String
    /// One line about the module.
    public var description: String
    /// The config section this module reads, or nil.
    public var configSection: String?
    /// The check types it registers.
    public var checks: [any CheckType]
    /// The contact types it registers.
    public var contacts: [any ContactType]

    /// Describes a module.
    public init(
        name: String, version: String, description: String, configSection: String? = nil,
        checks: [any CheckType] = [], contacts: [any ContactType] = []
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.configSection = configSection
        self.checks = checks
        self.contacts = contacts
    }

    /// Builds the C descriptor once and returns it; later calls return the same one.
    /// The result is a `const bearmon_module *`, returned untyped so that the entry point's
    /// signature matches the header's declaration however Swift spells it.
    public func export(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
        guard let host else { return nil }
        return ExportedModule.once(host: host) { Descriptors.build(self) }
    }

    /// Like ``export(_:)``, after a set-up that must run once, on the host's loading thread,
    /// before any call: a C library's global initialisation, such as curl_global_init. When
    /// `setUp` throws, the module registers nothing: the host gets nil, and the log says
    /// "NAME: LIBRARY could not be initialised: ERROR".
    public func export(_ host: UnsafePointer<bearmon_host>?, initialising library: String, with setUp: () throws -> Void) -> UnsafeRawPointer? {
        do {
            try setUp()
        } catch {
            host?.pointee.log(nil, BEARMON_LOG_ERROR, "\(name): \(library) could not be initialised: \(error)")
            return nil
        }
        return export(host)
    }
}
