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
    /// The host table, readable without a lock: every plugin call reads it, from many threads
    /// at once, and a contended Mutex spins (it cost 8% of `bearmon bench http`'s CPU).
    /// Held as the pointer's bits, since Atomic of a pointer type is not Sendable.
    private static let hostTable = Atomic<UInt>(0)

    static func once(host: UnsafePointer<bearmon_host>, build: () -> UnsafeRawPointer) -> UnsafeRawPointer {
        if let current = state.withLock({ $0 }) { return current.module }
        let built = Pointers(host: host, module: build())
        let winner = state.withLock { current in
            if current == nil { current = built }
            return current!
        }
        hostTable.store(UInt(bitPattern: winner.host), ordering: .releasing)
        return winner.module
    }

    static var host: UnsafePointer<bearmon_host>? {
        UnsafePointer(bitPattern: hostTable.load(ordering: .acquiring))
    }
}
