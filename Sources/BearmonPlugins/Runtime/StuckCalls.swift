import Synchronization

/// Counts abandoned calls that are still running, per type, and pauses a type that has too
/// many: each stuck call holds a thread, so an unbounded number would exhaust the process.
package final class StuckCalls: Sendable {
    /// Stuck calls at which a type is paused.
    package let limit: Int
    private let counts = Mutex<[TypeKey: Int]>([:])

    /// Pauses a type once `limit` of its calls are stuck.
    package init(limit: Int) { self.limit = max(1, limit) }

    /// How many calls of `key` are stuck now.
    package func count(_ key: TypeKey) -> Int { counts.withLock { $0[key] ?? 0 } }

    /// Whether `key` is paused.
    package func isPaused(_ key: TypeKey) -> Bool { count(key) >= limit }

    /// Records a call of `key` that overran; returns the new count.
    @discardableResult
    package func add(_ key: TypeKey) -> Int { counts.withLock { $0[key, default: 0] += 1; return $0[key]! } }

    /// Records that a stuck call of `key` finally returned; returns the new count.
    @discardableResult
    func remove(_ key: TypeKey) -> Int {
        counts.withLock { counts in
            let value = max(0, (counts[key] ?? 0) - 1)
            counts[key] = value
            return value
        }
    }
}
