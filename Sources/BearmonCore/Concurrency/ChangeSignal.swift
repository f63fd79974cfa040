import Foundation
import BearmonSystem

/// Wakes every task waiting for "something changed", or lets each give up after its own
/// timeout. Long polls wait on it so that a new result or a due check wakes them at once.
package final class ChangeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var waiters: [UInt64: (continuation: CheckedContinuation<Void, Never>, timer: Task<Void, Never>?)] = [:]
    private var nextID: UInt64 = 0

    /// A signal with no waiters.
    package init() {}

    /// Returns when `signal()` is called, after `milliseconds`, or when the task is
    /// cancelled (a graceful shutdown must not wait out a long poll), whichever comes first.
    package func wait(milliseconds: Int64) async {
        guard milliseconds > 0, !Task.isCancelled else { return }
        let id = lock.withLock {
            defer { nextID += 1 }
            return nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                waiters[id] = (continuation, nil)
                lock.unlock()
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: .milliseconds(milliseconds))
                    self?.resume(id)
                }
                lock.lock()
                if waiters[id] != nil { waiters[id]?.timer = timer } else { timer.cancel() }
                lock.unlock()
                // Cancelled before the waiter was registered: the handler found nothing.
                if Task.isCancelled { resume(id) }
            }
        } onCancel: {
            resume(id)
        }
    }

    /// Wakes every current waiter.
    package func signal() {
        lock.lock()
        let all = waiters
        waiters.removeAll()
        lock.unlock()
        for (_, waiter) in all {
            waiter.timer?.cancel()
            waiter.continuation.resume()
        }
    }

    private func resume(_ id: UInt64) {
        lock.lock()
        let waiter = waiters.removeValue(forKey: id)
        lock.unlock()
        waiter?.timer?.cancel()
        waiter?.continuation.resume()
    }
}

/// Milliseconds on the monotonic clock, for scheduling.
package func monotonicMilliseconds() -> Int64 { Int64(Deadline.now().uptimeNanoseconds / 1_000_000) }

/// Milliseconds since the epoch, for what is stored and shown.
package func wallMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
