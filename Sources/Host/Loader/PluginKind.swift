import PluginABI

/// Whether a type probes targets or delivers notifications.
public enum PluginKind: Int32, Sendable, Comparable, CaseIterable {
    /// A check type (`BEARMON_KIND_CHECK`).
    case check = 1
    /// A contact type (`BEARMON_KIND_CONTACT`).
    case contact = 2

    /// "check" or "contact".
    public var name: String { self == .check ? "check" : "contact" }

    /// Orders checks before contacts in listings.
    public static func < (lhs: PluginKind, rhs: PluginKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The registry's key: a type is unique by kind and name together.
public struct TypeKey: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The kind.
    public let kind: PluginKind
    /// The name, as stored in `checks.type` or `contacts.type`.
    public let name: String

    /// A key for `kind` and `name`.
    public init(_ kind: PluginKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// "check type 'tcp'".
    public var description: String { "\(kind.name) type '\(name)'" }

    /// Orders by kind, then name.
    public static func < (lhs: TypeKey, rhs: TypeKey) -> Bool { (lhs.kind, lhs.name) < (rhs.kind, rhs.name) }
}
