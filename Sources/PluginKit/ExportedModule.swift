import PluginABI
import Synchronization

/// The host table and the module descriptor of this image, set once by the entry point.
/// Each Swift plugin links its own copy of PluginKit, so these are per plugin.
enum ExportedModule {
    /// Both pointers refer to memory that lives, unchanged, for the life of the process.
    struct Pointers: @unchecked Sendable {
        let host: UnsafePointer<bearmon_host>
        let module: UnsafeRawPointer
    }

    private static let state = Mutex<Pointers?>(nil)

    static func once(host: UnsafePointer<bearmon_host>, build: () -> UnsafeRawPointer) -> UnsafeRawPointer {
        if let current = state.withLock({ $0 }) { return current.module }
        let built = Pointers(host: host, module: build())
        return state.withLock { current in
            if current == nil { current = built }
            return current!.module
        }
    }

    static var host: UnsafePointer<bearmon_host>? { state.withLock { $0?.host } }
}
