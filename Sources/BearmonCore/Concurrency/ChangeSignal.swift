import BearmonSystem
import Foundation
import Synchronization

/// Wakes every task waiting for "something changed", or lets each give up after its own
/// timeout. Long polls wait on it so that a new result or a due check wakes them at once.
package final class ChangeSignal: Sendable {
    /// Where one waiter stands.
    private enum Waiter {
        /// Registered, not yet suspended.
        case registered
        /// Signalled before it suspended: it returns at once.
        case woken
        /// Suspended until signalled.
        case waiting(CheckedContinuation<Void, Never>)
    }

    private struct Waiters {
        var all: [UInt64: Waiter] = [:]
        var nextID: UInt64 = 0
    }

    private let waiters = Mutex(Waiters())

    /// A signal with no waiters.
    package init() {}

    /// Returns when `signal()` is called, after `milliseconds`, or when the task is
    /// cancelled (a graceful shutdown must not wait out a long poll), whichever comes first.
    /// The waiter counts from the call on, and the timeout is a child task, so nothing
    /// outlives the call.
    package func wait(milliseconds: Int64) async {
        guard milliseconds > 0, !Task.isCancelled else { return }
        let id = waiters.withLock { waiters in
            defer { waiters.nextID += 1 }
            waiters.all[waiters.nextID] = .registered
            return waiters.nextID
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: .milliseconds(milliseconds)) }
            group.addTask { await self.suspend(id) }
            await group.next()
            group.cancelAll()
        }
        resume(id)
    }

    /// Wakes every current waiter.
    package func signal() {
        let suspended = waiters.withLock { waiters in
            var suspended: [CheckedContinuation<Void, Never>] = []
            for (id, waiter) in waiters.all {
                if case .waiting(let continuation) = waiter {
                    suspended.append(continuation)
                    waiters.all[id] = nil
                } else {
                    waiters.all[id] = .woken
                }
            }
            return suspended
        }
        for continuation in suspended { continuation.resume() }
    }

    /// Suspends waiter `id` until it is signalled (or was already), or the task is cancelled.
    private func suspend(_ id: UInt64) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let suspended = waiters.withLock { waiters in
                    guard case .registered = waiters.all[id] else { return false }
                    waiters.all[id] = .waiting(continuation)
                    return true
                }
                if !suspended { continuation.resume() }
            }
        } onCancel: {
            resume(id)
        }
    }

    /// Forgets waiter `id`, resuming it if it is suspended.
    private func resume(_ id: UInt64) {
        let waiter = waiters.withLock { $0.all.removeValue(forKey: id) }
        if case .waiting(let continuation) = waiter { continuation.resume() }
    }
}

/// Milliseconds on the monotonic clock, for scheduling.
package func monotonicMilliseconds() -> Int64 { Int64(Deadline.now().uptimeNanoseconds / 1_000_000) }

/// Milliseconds since the epoch, for what is stored and shown.
package func wallMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
