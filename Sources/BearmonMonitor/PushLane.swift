package import BearmonCore
package import BearmonStore
import Synchronization

/// The push API's lane to the store: a connection of its own, so that pushes and anonymous
/// queries never wait behind the controller's flips, outbox claims and fence checks (nor hold
/// them up in a shared queue); a bounded queue in front of it, past which requests are shed
/// with 503 and `Retry-After` rather than piling up; and group commit: pushes that arrive
/// while one batch is written go together in the next transaction, one commit for many.
package final class PushLane: Sendable {
    /// The lane's own store connection.
    package let store: any Store
    /// Where the lane's statements run, one at a time, in order.
    package let executor = BlockingExecutor(label: "bearmon.push.lane")
    private let settings: PushSettings
    /// Test hook: pushes queue but are never written, so that a test can fill the queue.
    private let held: Bool
    private let state = Mutex(State())
    /// The longest rest between batches (see ``scheduleBatch(after:)``).
    private static let longestPause = Duration.milliseconds(50)

    private struct State {
        /// Requests holding a place: queued or running.
        var admitted = 0
        /// Pushes waiting for the next batch, each with who waits for its outcome.
        var pending: [(row: PushRow, done: CheckedContinuation<PushSaving, any Error>)] = []
        /// Whether a batch is written or scheduled.
        var draining = false
    }

    /// A lane over `store` (a connection no one else uses) with `settings`' capacity, batch
    /// size and bound on stored entries.
    package init(store: any Store, settings: PushSettings, held: Bool = false) {
        self.store = store
        self.settings = settings
        self.held = held
    }

    /// Stores `row` with the next batch, bounded by `[push] maxEntries`; 503 when the queue is full.
    package func save(_ row: PushRow) async throws -> PushSaving {
        try admit()
        defer { leave() }
        return try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state in
                state.pending.append((row, continuation))
                guard !state.draining, !held else { return false }
                state.draining = true
                return true
            }
            if start { scheduleBatch() }
        }
    }

    /// Runs `body` (a query) on the lane's connection; 503 when the queue is full.
    package func read<T: Sendable>(_ body: @escaping @Sendable (any Store) throws -> T) async throws -> T {
        try admit()
        defer { leave() }
        return try await executor.run { [store] in try body(store) }
    }

    /// Runs `body` on the lane's connection without a place in the queue: for the node's own
    /// work (the reaper, self-health), which a flood must not shed.
    package func always<T: Sendable>(_ body: @escaping @Sendable (any Store) throws -> T) async throws -> T {
        try await executor.run { [store] in try body(store) }
    }

    private func admit() throws(PushRefusal) {
        let capacity = settings.laneCapacity
        let admitted = state.withLock { state in
            guard state.admitted < capacity else { return false }
            state.admitted += 1
            return true
        }
        guard admitted else {
            throw .busy("the push API is busy: \(capacity) pushes and queries are already waiting for the store; retry after a second", retryAfter: 1)
        }
    }

    private func leave() {
        state.withLock { $0.admitted -= 1 }
    }

    /// One batch per job on the executor, so that queries and the reaper queued meanwhile run
    /// between batches instead of waiting for a flood to end. After a busy batch the lane
    /// rests `pause`: SQLite has one writer at a time and a waiting writer polls for the lock
    /// on a timer, so a lane writing back to back would starve the controller's flips; pushes
    /// that arrive while it rests join the next, larger batch.
    private func scheduleBatch(after pause: Duration = .zero) {
        Task { [self] in
            if pause > .zero { try? await Task.sleep(for: pause) }
            _ = try? await executor.run { [self] in writeBatch() }
        }
    }

    private func writeBatch() {
        let clock = ContinuousClock()
        let started = clock.now
        let batch = state.withLock { state in
            let batch = Array(state.pending.prefix(settings.batchSize))
            state.pending.removeFirst(batch.count)
            return batch
        }
        do {
            let outcomes = try store.savePushes(batch.map(\.row), maxEntries: settings.maxEntries)
            for (entry, outcome) in zip(batch, outcomes) { entry.done.resume(returning: outcome) }
        } catch {
            for entry in batch { entry.done.resume(throwing: error) }
        }
        let more = state.withLock { state in
            state.draining = !state.pending.isEmpty
            return state.draining
        }
        if more { scheduleBatch(after: min(clock.now - started, Self.longestPause)) }
    }
}
