package import BearmonCore

/// A type's data after validation: every declared parameter's value (given or defaulted),
/// what the data gave explicitly, and how to show it with secrets hidden.
package struct ResolvedParams: Sendable, Equatable {
    /// What stands in for a secret wherever data is shown.
    package static let mask = "********"

    /// Declared parameters by name, with defaults applied.
    package let values: [String: JSONValue]
    /// The names the data set explicitly.
    package let given: Set<String>
    /// The data as given, for display.
    package let original: [String: JSONValue]
    /// Names of parameters whose value must never be shown, lower-cased: keys match them
    /// ignoring case, as they match parameters.
    package let secretNames: Set<String>
    /// Keys in the data that the type does not declare (ignored, as gobearmon's decoder does).
    package let unknownKeys: [String]

    /// The data as JSON with every secret value masked.
    package var maskedJSON: String {
        var shown = original
        for key in shown.keys where secretNames.contains(key.lowercased()) || Self.looksSecret(key) {
            shown[key] = .string(Self.mask)
        }
        return JSONValue.object(shown).jsonText
    }

    /// Undeclared keys that look like credentials are masked too: a typo such as
    /// "pasword" must not put a password into a notification.
    package static func looksSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["pass", "secret", "token", "apikey", "api_key", "auth"].contains { lowered.contains($0) }
    }
}
