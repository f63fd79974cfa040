import BearmonCore
import Foundation
import Logging
import Synchronization

/// `[plugins] isolate`: decides which module files run in helpers, starts them, and keeps
/// their ``IsolatedModule``s. The node cannot learn a module's name without running its
/// entry point, which is what isolation avoids, so a listed name is matched against the
/// file's: `acme` names `acme.so`, `libacme.so` and `libbearmon-acme.so`; `*` names all.
package final class PluginIsolator: Sendable {
    /// The names listed, lower-cased, or nil for `*`.
    let names: Set<String>?
    let launch: HelperLaunch
    let policy: IsolationPolicy
    let logger: Logger
    private let started = Mutex<[IsolatedModule]>([])

    /// An isolator for `names` (`*` for every module).
    init(names: [String], launch: HelperLaunch, policy: IsolationPolicy, logger: Logger) {
        self.names = names.contains("*") ? nil : Set(names.map { $0.lowercased() })
        self.launch = launch
        self.policy = policy
        self.logger = logger
    }

    /// Whether the file at `path` is to run in a helper.
    func isolates(_ path: String) -> Bool {
        guard let names else { return true }
        return names.contains(Self.moduleName(ofFile: path))
    }

    /// The module name a file's name stands for: `libbearmon-webhook.so` gives `webhook`.
    static func moduleName(ofFile path: String) -> String {
        var stem = Substring((path as NSString).lastPathComponent.lowercased())
        if stem.hasSuffix(".so") { stem = stem.dropLast(3) }
        for prefix in ["libbearmon-", "lib"] where stem.hasPrefix(prefix) {
            stem = stem.dropFirst(prefix.count)
            break
        }
        return String(stem)
    }

    /// Starts a helper for `path` and returns the module and its types as the node registers them.
    func start(_ path: String) throws(LoadRefusal) -> (ModuleInfo, [PluginType]) {
        let module = IsolatedModule(file: path, name: Self.moduleName(ofFile: path), launch: launch, policy: policy, logger: logger)
        let (described, wireTypes) = try module.start()
        var wireModule = described
        wireModule.file = path
        let info = wireModule.info
        var types: [PluginType] = []
        for wire in wireTypes {
            guard let kind = PluginKind(rawValue: wire.kind) else {
                module.stop()
                throw LoadRefusal(file: path, reason: "its plugin host described a type of unknown kind \(wire.kind)", fix: "rebuild bearmon: the helper and the node disagree")
            }
            types.append(PluginType(key: TypeKey(kind, wire.name), summary: wire.summary, params: wire.params.compactMap(\.spec),
                                    maxRunMilliseconds: wire.maxRunMs, module: info, implementation: .isolated(module, validates: wire.hasValidate)))
        }
        started.withLock { $0.append(module) }
        return (info, types)
    }

    /// Every module that runs in a helper.
    package var modules: [IsolatedModule] { started.withLock { $0 } }

    /// Stops the helper of `path` and forgets it: the registry refused what it described.
    func forget(_ path: String) {
        let gone = started.withLock { modules in
            let gone = modules.filter { $0.file == path }
            modules.removeAll { $0.file == path }
            return gone
        }
        gone.forEach { $0.stop() }
    }

    /// Lifts every pause (SIGHUP).
    func resumePaused() { modules.forEach { $0.resume() } }

    /// Kills every helper and stops restarting them.
    func stop() { modules.forEach { $0.stop() } }
}
