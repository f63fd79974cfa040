import BearmonSystem
import Foundation
package import Logging
import PluginABI
import Synchronization

/// Loads every `.so` in a plugins directory into a ``PluginRegistry``, and loads new files
/// when asked to rescan (SIGHUP). Each refused file gets one message naming the file, the
/// reason and the fix; the other files still load.
package final class PluginLoader: Sendable {
    /// What happened to one file during a scan.
    package enum Event: Sendable, Equatable {
        /// The module loaded and its types were registered.
        case loaded(ModuleInfo)
        /// The file was refused.
        case refused(LoadRefusal)
        /// A file that was already loaded has changed; it needs a restart.
        case changed(String)
    }

    private enum FileState {
        /// dlopen() ran, so the file's code is in the process for good.
        case opened(FileIdentity)
        /// Refused before dlopen(); a later scan may try again.
        case refusedEarly
    }

    /// The directory scanned.
    package let directory: String
    /// Where modules and types go.
    package let registry: PluginRegistry
    /// The one file a plugin host loads, instead of the whole directory.
    let only: String?
    /// Starts helpers for isolated modules, when any are.
    let isolator: PluginIsolator?
    private let logger: Logger
    private let files = Mutex<[String: FileState]>([:])
    private let scanLock = Mutex(())

    /// A loader for `directory` that registers into `registry`.
    package init(directory: String, registry: PluginRegistry, logger: Logger = Logger(label: "bearmon.plugins"),
                 only: String? = nil, isolator: PluginIsolator? = nil) {
        self.directory = directory
        self.registry = registry
        self.logger = logger
        self.only = only
        self.isolator = isolator
    }

    /// Where plugins are looked for when neither `--plugins` nor `[plugins] dir` says: for an
    /// installed binary (PREFIX/bin/bearmon beside PREFIX/lib/bearmon/plugins, as the Debian
    /// package lays them out) that plugins directory; otherwise the directory holding the
    /// running binary, where the build puts plugin products.
    package static var defaultDirectory: String {
        let exe = realPath("/proc/self/exe") ?? CommandLine.arguments[0]
        return defaultDirectory(besideBinaryAt: exe)
    }

    /// ``defaultDirectory`` for a binary at `exe`.
    package static func defaultDirectory(besideBinaryAt exe: String) -> String {
        let binDirectory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        if binDirectory.lastPathComponent == "bin" {
            let installed = binDirectory.deletingLastPathComponent().appendingPathComponent("lib/bearmon/plugins").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: installed, isDirectory: &isDirectory), isDirectory.boolValue { return installed }
        }
        return binDirectory.path
    }

    /// Loads every file not seen before; returns what happened, file by file. Safe to call
    /// again at any time (rescans are serialised).
    @discardableResult
    package func scan() -> [Event] {
        scanLock.withLock { _ in
            isolator?.resumePaused()
            let events = scanLocked()
            for event in events { log(event) }
            return events
        }
    }

    private func scanLocked() -> [Event] {
        let realDirectory = realPath(directory) ?? directory
        do {
            try PluginPermissions.check(realDirectory, isDirectory: true)
        } catch {
            return [refuse(error)]
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: realDirectory)) ?? [])
            .filter { $0.hasSuffix(".so") && (only == nil || realDirectory + "/" + $0 == only) }
            .sorted()
        return names.compactMap { scanFile(realDirectory + "/" + $0) }
    }

    private func scanFile(_ path: String) -> Event? {
        let identity = try? FileIdentity.of(path).0
        switch files.withLock({ $0[path] }) {
        case .opened(let loaded):
            guard let identity, identity != loaded else { return nil }
            files.withLock { $0[path] = .opened(identity) }
            return .changed(path)
        case .refusedEarly, nil:
            return load(path, identity: identity)
        }
    }

    private func load(_ path: String, identity: FileIdentity?) -> Event {
        do {
            // A symlink is judged by its target and the directories above the target.
            try PluginPermissions.check(realPath(path) ?? path, isDirectory: false)
        } catch {
            files.withLock { $0[path] = .refusedEarly }
            return refuse(error)
        }
        if let isolator, isolator.isolates(path) {
            // Never opened here: a module whose helper could not start is tried again on SIGHUP.
            do throws(LoadRefusal) {
                let (module, types) = try isolator.start(path)
                do throws(LoadRefusal) { try registry.register(module, types) } catch {
                    isolator.forget(path)
                    throw error
                }
                files.withLock { $0[path] = identity.map(FileState.opened) ?? .refusedEarly }
                return .loaded(module)
            } catch {
                files.withLock { $0[path] = .refusedEarly }
                return refuse(error)
            }
        }
        files.withLock { $0[path] = identity.map(FileState.opened) ?? .refusedEarly }
        do throws(LoadRefusal) {
            let entry = try openEntryPoint(path)
            guard let descriptor = entry(HostTable.shared) else {
                throw LoadRefusal(file: path, reason: "its entry point returned NULL (its log lines above say why)",
                                  fix: "fix what the plugin reported, then restart bearmon")
            }
            let (module, types) = try ModuleReader(file: path).read(UnsafeRawPointer(descriptor))
            try registry.register(module, types)
            return .loaded(module)
        } catch {
            return refuse(error)
        }
    }

    private func openEntryPoint(_ path: String) throws(LoadRefusal) -> bearmon_entry_fn {
        _ = dlerror()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw LoadRefusal(file: path, reason: "dlopen failed: \(reason)",
                              fix: "install the libraries it needs (see `ldd \(path)`), or remove it from \(directory)")
        }
        guard let symbol = dlsym(handle, BEARMON_ENTRY_SYMBOL) else {
            throw LoadRefusal(file: path, reason: "it does not export \(BEARMON_ENTRY_SYMBOL), so it is not a bearmon plugin (or was built without exporting its entry point)",
                              fix: "export `const bearmon_module *\(BEARMON_ENTRY_SYMBOL)(const bearmon_host *)`, or move the file out of \(directory)")
        }
        return unsafeBitCast(symbol, to: bearmon_entry_fn.self)
    }

    private func refuse(_ refusal: LoadRefusal) -> Event {
        registry.refuse(refusal)
        return .refused(refusal)
    }

    private func log(_ event: Event) {
        switch event {
        case .loaded(let module):
            logger.debug("loaded plugin module", metadata: ["module": "\(module.name)", "file": "\(module.file)"])
        case .refused(let refusal):
            logger.error("\(refusal)")
        case .changed(let path):
            logger.warning("plugin \(path) changed on disk; restart bearmon to load the new version (loaded plugins are never unloaded)")
        }
    }
}
