package import PluginABI

/// A registered check or contact type: its declaration, the module it came from, and the
/// C functions that run it.
package final class PluginType: Sendable {
    /// The registry key.
    package let key: TypeKey
    /// One line for listings.
    package let summary: String
    /// The declared parameters.
    package let params: [ParamSpec]
    /// The longest one run may take.
    package let maxRunMilliseconds: UInt32
    /// The module that registered it.
    package let module: ModuleInfo
    /// The INT parameter, in seconds, that bounds each run of a check (ABI 1.3's
    /// `timeout_param`), or nil when only ``maxRunMilliseconds`` does.
    package let timeoutParam: String?
    /// How calls of the type are made.
    package enum Implementation: @unchecked Sendable {
        // @unchecked: raw pointers to plugin descriptors, immutable static data for the life
        // of the process, so sharing them across threads is safe.
        /// Through a plugin's C functions; `descriptor` goes back as `self` on every call.
        case plugin(descriptor: UnsafePointer<bearmon_type>, run: bearmon_run_fn, validate: bearmon_validate_fn?)
        /// A contact type compiled into bearmon.
        case contact(any BuiltInContact)
        /// A check evaluated by the controller itself rather than run by workers.
        case passive(any PassiveCheck)
        /// A plugin's type run in a helper process (`[plugins] isolate`); `validates` when the
        /// plugin has its own validate().
        case isolated(IsolatedModule, validates: Bool)
    }

    /// How calls are made.
    package let implementation: Implementation

    /// Creates a type; the loader does this for plugins, bearmon itself for built-ins.
    init(key: TypeKey, summary: String, params: [ParamSpec], maxRunMilliseconds: UInt32, module: ModuleInfo, implementation: Implementation,
         timeoutParam: String? = nil) {
        self.timeoutParam = timeoutParam
        self.key = key
        self.summary = summary
        self.params = params
        self.maxRunMilliseconds = maxRunMilliseconds
        self.module = module
        self.implementation = implementation
    }

    var descriptor: UnsafePointer<bearmon_type>? {
        if case .plugin(let descriptor, _, _) = implementation { return descriptor }
        return nil
    }

    var runFunction: bearmon_run_fn? {
        if case .plugin(_, let run, _) = implementation { return run }
        return nil
    }

    var validateFunction: bearmon_validate_fn? {
        if case .plugin(_, _, let validate) = implementation { return validate }
        return nil
    }

    /// How long after its timeout a run may still take to end (a killed command's
    /// SIGTERM-then-SIGKILL second, reaping, and reporting, on a loaded machine): the deadline is the timeout plus this.
    package static let timeoutGraceMilliseconds: Int64 = 5_000

    /// The longest one run with `params` may take: the type's maximum, lowered to the
    /// check's own timeout (plus ``timeoutGraceMilliseconds``) when the type names a
    /// timeout parameter. The scheduler's lock and the call's deadline both use it.
    package func maxRunMilliseconds(for params: ResolvedParams) -> Int64 {
        let longest = Int64(maxRunMilliseconds)
        guard let timeoutParam, case .int(let seconds)? = params.values[timeoutParam], seconds > 0 else { return longest }
        // Compared before multiplying: a stored timeout can be any 64-bit number, and the
        // product plus the grace must not overflow (it trapped the catalog's every reload).
        guard seconds <= (longest - Self.timeoutGraceMilliseconds) / 1_000 else { return longest }
        return seconds * 1_000 + Self.timeoutGraceMilliseconds
    }

    /// Whether the controller evaluates it itself (see ``PassiveCheck``).
    package var isPassive: Bool {
        if case .passive = implementation { return true }
        return false
    }

    /// The kind.
    package var kind: PluginKind { key.kind }
    /// The name.
    package var name: String { key.name }

    /// Checks data against the declared parameters.
    package var validator: ParamValidator {
        ParamValidator(specs: params, allowsPrimaryString: kind == .contact, subject: key.description)
    }
}
