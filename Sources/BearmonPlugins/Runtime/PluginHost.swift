package import BearmonConfig
package import BearmonCore
package import BearmonSystem
package import Logging
import PluginABI
import Synchronization


/// The host's side of the plugin system in one place: the registry, the loader, the threads
/// calls run on, and the config sections lent to modules. Roles and commands use this, never
/// the C ABI directly.
package final class PluginHost: Sendable {
    /// Loaded types.
    package let registry: PluginRegistry
    /// Loads and rescans the plugins directory.
    package let loader: PluginLoader
    /// Runs calls with deadlines.
    package let invoker: PluginInvoker
    /// The configuration plugins read their sections from.
    package let config: Config
    /// `[security] deny` and `allow`, which plugins ask through `egress_check`.
    package let egress: EgressRules
    /// `[plugins] isolate`'s helpers, when any module is isolated.
    package let isolator: PluginIsolator?
    private let logger: Logger
    private let sections = Mutex<[String: PluginConfig]>([:])

    /// Loads the plugins in `directory` and prepares `threads` worker threads. A `[security]`
    /// range that does not parse is a ``ConfigError``, before anything is loaded. Modules that
    /// `[plugins] isolate` names run in helpers started with `launch`; `only` loads that one
    /// file and isolates nothing (what a helper does).
    package init(
        config: Config, directory: String, threads: Int, logger: Logger = Logger(label: "bearmon"),
        launch: HelperLaunch? = nil, policy: IsolationPolicy = IsolationPolicy(), only: String? = nil
    ) throws(ConfigError) {
        self.config = config
        egress = try config.egressRules()
        self.logger = logger
        registry = PluginRegistry()
        let isolate = PluginSettings.from(config).isolate
        isolator = only == nil && !isolate.isEmpty
            ? PluginIsolator(names: isolate, launch: launch ?? HelperLaunch(threads: threads), policy: policy, logger: logger) : nil
        loader = PluginLoader(directory: directory, registry: registry, logger: logger, only: only, isolator: isolator)
        invoker = PluginInvoker(width: threads, logger: logger)
        // Built-ins first: a plugin that claims a built-in's name is refused, not the reverse.
        registry.registerBuiltIn(LogContact.type(logger: logger))
        registry.registerBuiltIn(HealthcheckCheck.type())
        loader.scan()
    }

    /// The type `name` of `kind`, or an error that lists the known ones.
    package func type(_ kind: PluginKind, _ name: String) throws(UnknownTypeError) -> PluginType {
        guard let type = registry.type(kind, name) else {
            throw UnknownTypeError(key: TypeKey(kind, name), known: registry.names(of: kind), directory: loader.directory)
        }
        return type
    }

    /// Checks `data` against the type's declared parameters, then against the plugin's own
    /// `validate`; returns the resolved parameters or every problem found. `strict` refuses
    /// undeclared keys too (see ``ParamValidator/resolve(_:strict:)``).
    package func validate(_ type: PluginType, data: String, strict: Bool = false) throws(InvalidParams) -> ResolvedParams {
        let params = try type.validator.resolve(data, strict: strict)
        if case .passive(let check) = type.implementation {
            let problems = check.problems(in: params)
            if !problems.isEmpty { throw InvalidParams(subject: type.key.description, problems: problems) }
        }
        if case .isolated(let module, validates: true) = type.implementation {
            let problems = module.validate(type, params: params)
            if !problems.isEmpty { throw InvalidParams(subject: type.key.description, problems: problems) }
        }
        guard let validate = type.validateFunction else { return params }
        let context = makeContext(type, params: params, budgetMilliseconds: Self.validateBudgetMilliseconds, label: "validate")
        let code = validate(type.descriptor, context.opaque)
        context.close()
        let problems = context.problems
        if !problems.isEmpty { throw InvalidParams(subject: type.key.description, problems: problems) }
        if code != BEARMON_OK {
            throw InvalidParams(subject: type.key.description, problems: [ParamProblem(param: nil, reason: "the plugin's validate returned \(code)")])
        }
        return params
    }

    /// Runs one check of `type` with validated `params`, bounded by the type's maximum run
    /// time and by `budgetMilliseconds` when given.
    package func runCheck(_ type: PluginType, params: ResolvedParams, budget: Duration? = nil, label: String) async -> CheckOutcome {
        if type.isPassive {
            return CheckOutcome(status: .fail, message: "\(type.key) is evaluated by the controller from pushed healthchecks; add it with `bearmon checks add`, it cannot run on its own")
        }
        if case .isolated(let module, _) = type.implementation {
            return await module.runCheck(type, params: params, budgetMilliseconds: budget?.inMilliseconds, label: label)
        }
        let context = makeContext(type, params: params, budgetMilliseconds: budget?.inMilliseconds, label: label)
        return await invoker.runCheck(context)
    }

    /// Delivers `event` through contact `type` with validated `params`.
    package func deliver(_ type: PluginType, params: ResolvedParams, event: NotificationEvent, label: String) async -> ContactOutcome {
        if case .contact(let builtIn) = type.implementation { return await builtIn.deliver(event, params: params) }
        if case .isolated(let module, _) = type.implementation { return await module.deliver(type, params: params, event: event, label: label) }
        let context = makeContext(type, params: params, budgetMilliseconds: nil, label: label, event: event)
        return await invoker.runContact(context)
    }

    /// The deadline a plugin's validate() is told.
    static let validateBudgetMilliseconds: Int64 = 1000

    private func makeContext(_ type: PluginType, params: ResolvedParams, budgetMilliseconds: Int64?, label: String, event: NotificationEvent? = nil) -> CallContext {
        let budget = min(type.maxRunMilliseconds(for: params), budgetMilliseconds ?? Int64.max)
        return CallContext(
            type: type, params: params, deadline: .after(milliseconds: budget), label: label,
            config: type.module.configSection.map(section), notification: event, egress: egress, logger: logger
        )
    }

    private func section(_ name: String) -> PluginConfig {
        sections.withLock { cache in
            if let cached = cache[name] { return cached }
            let built = PluginConfig(config: config, section: name)
            cache[name] = built
            return built
        }
    }
}

/// A type name that no loaded module registers.
package struct UnknownTypeError: Error, Sendable, CustomStringConvertible {
    /// What was asked for.
    package let key: TypeKey
    /// The names of that kind that do exist.
    package let known: [String]
    /// Where plugins were loaded from.
    package let directory: String

    /// "unknown check type 'htp'; registered check types: http, tcp (plugins from DIR)".
    package var description: String {
        let list = known.isEmpty ? "none are loaded" : "registered \(key.kind.name) types: \(known.joined(separator: ", "))"
        return "unknown \(key.kind.name) type '\(key.name)'; \(list) (plugins from \(directory))"
    }
}
