import PluginABI

/// The JSON type of a parameter, mirroring `BEARMON_PARAM_*`.
public enum ParamKind: Int32, Sendable, CaseIterable {
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

    /// The name shown in `bearmon plugins`.
    public var name: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .bool: "bool"
        case .double: "number"
        case .map: "map"
        }
    }

    /// The phrase used in messages: "an integer", "an object of strings".
    public var noun: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .bool: "a boolean"
        case .double: "a number"
        case .map: "an object of strings"
        }
    }
}

/// One declared parameter of a type, read from the plugin's `bearmon_param_spec`.
public struct ParamSpec: Sendable, Equatable {
    /// The JSON key.
    public let name: String
    /// The JSON type.
    public let kind: ParamKind
    /// The default, already parsed and checked against `kind`, or nil.
    public let defaultValue: JSONValue?
    /// One line of description.
    public let description: String
    /// Masked wherever data is shown.
    public let secret: Bool
    /// Data without it is refused.
    public let required: Bool
    /// For contact types: plain-string data is this parameter.
    public let primary: Bool
    /// Allowed values (compared case-insensitively), or empty for any.
    public let choices: [String]

    /// Creates a spec; used by the loader and by built-in types.
    public init(
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
