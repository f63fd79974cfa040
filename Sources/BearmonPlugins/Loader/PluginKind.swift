import PluginABI

/// Whether a type probes targets or delivers notifications.
package enum PluginKind: Int32, Sendable, Comparable, CaseIterable {
    /// A check type (`BEARMON_KIND_CHECK`).
    case check = 1
    /// A contact type (`BEARMON_KIND_CONTACT`).
    case contact = 2

    /// "check" or "contact".
    package var name: String { self == .check ? "check" : "contact" }

    /// Orders checks before contacts in listings.
    package static func < (lhs: PluginKind, rhs: PluginKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The registry's key: a type is unique by kind and name together.
package struct TypeKey: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The kind.
    package let kind: PluginKind
    /// The name, as stored in `checks.type` or `contacts.type`.
    package let name: String

    /// A key for `kind` and `name`.
    package init(_ kind: PluginKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// "check type 'tcp'".
    package var description: String { "\(kind.name) type '\(name)'" }

    /// Orders by kind, then name.
    package static func < (lhs: TypeKey, rhs: TypeKey) -> Bool { (lhs.kind, lhs.name) < (rhs.kind, rhs.name) }
}
