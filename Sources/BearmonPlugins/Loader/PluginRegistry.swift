import Synchronization

/// Every loaded module and type, and every refused file, safe to read from any thread while
/// a rescan adds to it. Types are never removed: plugins are never unloaded.
package final class PluginRegistry: Sendable {
    private struct State {
        var types: [TypeKey: PluginType] = [:]
        var modules: [ModuleInfo] = []
        var refusals: [LoadRefusal] = []
    }

    private let state = Mutex(State())

    /// An empty registry.
    package init() {}

    /// The type registered under `kind` and `name`, if any.
    package func type(_ kind: PluginKind, _ name: String) -> PluginType? {
        state.withLock { $0.types[TypeKey(kind, name)] }
    }

    /// Every type, ordered by kind then name.
    package var types: [PluginType] { state.withLock { $0.types.values.sorted { $0.key < $1.key } } }

    /// Names of every type of `kind`, sorted.
    package func names(of kind: PluginKind) -> [String] { types.filter { $0.kind == kind }.map(\.name) }

    /// Every loaded module, in load order.
    package var modules: [ModuleInfo] { state.withLock { $0.modules } }

    /// Every refused file, in the order they were found.
    package var refusals: [LoadRefusal] { state.withLock { $0.refusals } }

    /// Adds a module's types, all or none: a type whose key another module already holds
    /// refuses the whole module, so a half-registered module never exists.
    func register(_ module: ModuleInfo, _ types: [PluginType]) throws(LoadRefusal) {
        try state.withLock { (state) throws(LoadRefusal) in
            for type in types {
                if let existing = state.types[type.key] {
                    throw LoadRefusal(
                        file: module.file,
                        reason: "\(type.key) is already registered by \(existing.module.file) (module '\(existing.module.name)')",
                        fix: "remove one of the two files from the plugins directory, or rename the type in one of them"
                    )
                }
            }
            for type in types { state.types[type.key] = type }
            state.modules.append(module)
        }
    }

    /// Adds a type compiled into bearmon itself.
    package func registerBuiltIn(_ type: PluginType) {
        state.withLock { state in
            state.types[type.key] = type
            if !state.modules.contains(ModuleInfo.builtIn) { state.modules.append(.builtIn) }
        }
    }

    /// Records a refused file.
    func refuse(_ refusal: LoadRefusal) {
        state.withLock { $0.refusals.append(refusal) }
    }
}
