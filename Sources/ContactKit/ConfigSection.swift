import PluginKit

/// The module's config section, read during one call, with errors that name the section and
/// key: "[smtp] host is not set in the config file". A missing or malformed setting is a
/// `permanent` failure, since only the operator can fix it.
package struct ConfigSection {
    /// The section's name as the config file writes it, for messages ("smtp").
    package let name: String
    private let call: Call

    /// The section `name` as `call` sees it (the module must declare it as `configSection`).
    package init(_ name: String, of call: Call) {
        self.name = name
        self.call = call
    }

    /// The value of `key`, or nil when it is unset or empty.
    package func optional(_ key: String) -> String? {
        call.config(key).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value of `key`; unset or empty is a permanent failure.
    package func required(_ key: String) throws(ContactFailure) -> String {
        guard let value = optional(key) else { throw .permanent("[\(name)] \(key) is not set in the config file") }
        return value
    }

    /// `key` as a boolean (true/false, yes/no, on/off, 1/0, as the host reads its own), or
    /// `fallback` when unset.
    package func bool(_ key: String, default fallback: Bool) throws(ContactFailure) -> Bool {
        guard let text = optional(key) else { return fallback }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw .permanent("[\(name)] \(key) = '\(text)' is not a boolean (write true or false)")
        }
    }

    /// `key` as an integer in `range`, or `fallback` when unset.
    package func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws(ContactFailure) -> Int {
        guard let text = optional(key) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .permanent("[\(name)] \(key) = '\(text)' is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
