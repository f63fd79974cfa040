import Synchronization

/// The tasks an owner starts beside its main loop (a delivery, a check, the flip writer),
/// kept so that the owner can cancel them and wait for them on its way out: a graceful stop
/// leaves nothing running behind it. A task leaves the set when it ends.
package final class TaskSet: Sendable {
    private struct Running {
        var tasks: [UInt64: Task<Void, Never>] = [:]
        var nextID: UInt64 = 0
    }

    private let running = Mutex(Running())

    /// An empty set.
    package init() {}

    /// Starts `work` as a task of this set.
    package func run(_ work: @escaping @Sendable () async -> Void) {
        running.withLock { running in
            let id = running.nextID
            running.nextID += 1
            // Made under the lock, so the task is in the set before it can try to leave it.
            running.tasks[id] = Task {
                await work()
                self.finished(id)
            }
        }
    }

    /// How many tasks have not ended yet.
    package var count: Int { running.withLock { $0.tasks.count } }

    /// Cancels every task still running; each ends at its next cancellation check.
    package func cancelAll() {
        for task in running.withLock({ Array($0.tasks.values) }) { task.cancel() }
    }

    /// Returns once every task has ended, including any started while it waited.
    package func waitAll() async {
        while true {
            let left = running.withLock { Array($0.tasks.values) }
            if left.isEmpty { return }
            for task in left { await task.value }
        }
    }

    private func finished(_ id: UInt64) {
        _ = running.withLock { $0.tasks.removeValue(forKey: id) }
    }
}
