import PluginABI

/// The JSON type of a parameter, mirroring `BEARMON_PARAM_*`.
public enum ParamType: Int32, Sendable {
    /// A JSON string.
    case string = 1
    /// A JSON number without a fraction.
    case int = 2
    /// JSON true or false.
    case bool = 3
    /// Any JSON number.
    case double = 4
    /// A JSON object of strings.
    case map = 5
    /// A JSON array of non-empty strings (ABI 1.3); read it with ``Call/list(_:)``.
    case list = 6
}

/// One parameter of a check or contact type, as declared to the host.
public struct ParamSpec: Sendable {
    /// The JSON key.
    public var name: String
    /// The JSON type.
    public var type: ParamType
    /// The default, in JSON syntax, or nil for none.
    public var defaultValue: String?
    /// One line for `bearmon plugins`.
    public var description: String
    /// Masked wherever data is shown.
    public var secret: Bool
    /// Data without it is refused.
    public var required: Bool
    /// For contact types: a plain-string data is this parameter.
    public var primary: Bool
    /// Allowed values, or empty for any.
    public var choices: [String]

    /// Declares a parameter.
    public init(
        _ name: String, _ type: ParamType, default defaultValue: String? = nil, _ description: String,
        secret: Bool = false, required: Bool = false, primary: Bool = false, choices: [String] = []
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
        self.secret = secret
        self.required = required
        self.primary = primary
        self.choices = choices
    }

    var flags: UInt32 {
        (secret ? UInt32(BEARMON_PARAM_SECRET) : 0)
            | (required ? UInt32(BEARMON_PARAM_REQUIRED) : 0)
            | (primary ? UInt32(BEARMON_PARAM_PRIMARY) : 0)
    }
}
