package import BearmonCore
import PluginABI

/// The JSON type of a parameter, mirroring `BEARMON_PARAM_*`.
package enum ParamKind: Int32, Sendable, CaseIterable {
    /// A JSON string.
    case string = 1
    /// A JSON number without a fraction.
    case int = 2
    /// `true` or `false`.
    case bool = 3
    /// Any JSON number.
    case double = 4
    /// A JSON object of strings.
    case map = 5
    /// A JSON array of non-empty strings (ABI 1.3).
    case list = 6

    /// The name shown in `bearmon plugins`.
    package var name: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .bool: "bool"
        case .double: "number"
        case .map: "map"
        case .list: "list"
        }
    }

    /// The phrase used in messages: "an integer", "an object of strings".
    package var noun: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .bool: "a boolean"
        case .double: "a number"
        case .map: "an object of strings"
        case .list: "a list of strings"
        }
    }
}

/// One declared parameter of a type, read from the plugin's `bearmon_param_spec`.
package struct ParamSpec: Sendable, Equatable {
    /// The JSON key.
    package let name: String
    /// The JSON type.
    package let kind: ParamKind
    /// The default, already parsed and checked against `kind`, or nil.
    package let defaultValue: JSONValue?
    /// One line of description.
    package let description: String
    /// Masked wherever data is shown.
    package let secret: Bool
    /// Data without it is refused.
    package let required: Bool
    /// For contact types: plain-string data is this parameter.
    package let primary: Bool
    /// Allowed values (compared case-insensitively), or empty for any.
    package let choices: [String]

    /// Creates a spec; used by the loader and by built-in types.
    package init(
        name: String, kind: ParamKind, defaultValue: JSONValue? = nil, description: String,
        secret: Bool = false, required: Bool = false, primary: Bool = false, choices: [String] = []
    ) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.description = description
        self.secret = secret
        self.required = required
        self.primary = primary
        self.choices = choices
    }
}
