import PluginABI

/// A registered check or contact type: its declaration, the module it came from, and the
/// C functions that run it.
public final class PluginType: @unchecked Sendable {
    /// The registry key.
    public let key: TypeKey
    /// One line for listings.
    public let summary: String
    /// The declared parameters.
    public let params: [ParamSpec]
    /// The longest one run may take.
    public let maxRunMilliseconds: UInt32
    /// The module that registered it.
    public let module: ModuleInfo
    /// The plugin's descriptor, passed back as `self` on every call; nil for built-ins.
    let descriptor: UnsafePointer<bearmon_type>?
    let runFunction: bearmon_run_fn?
    let validateFunction: bearmon_validate_fn?

    /// Creates a type; the loader does this for plugins, bearmon itself for built-ins.
    init(
        key: TypeKey, summary: String, params: [ParamSpec], maxRunMilliseconds: UInt32, module: ModuleInfo,
        descriptor: UnsafePointer<bearmon_type>?, run: bearmon_run_fn?, validate: bearmon_validate_fn?
    ) {
        self.key = key
        self.summary = summary
        self.params = params
        self.maxRunMilliseconds = maxRunMilliseconds
        self.module = module
        self.descriptor = descriptor
        self.runFunction = run
        self.validateFunction = validate
    }

    /// The kind.
    public var kind: PluginKind { key.kind }
    /// The name.
    public var name: String { key.name }

    /// Checks data against the declared parameters.
    public var validator: ParamValidator {
        ParamValidator(specs: params, allowsPrimaryString: kind == .contact, subject: key.description)
    }
}
