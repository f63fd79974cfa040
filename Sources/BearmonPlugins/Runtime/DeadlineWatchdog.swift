import BearmonCore
import BearmonSystem
import Foundation
import Synchronization


/// Fires the timeouts of plugin calls from one thread, instead of one dispatch timer per call.
///
/// A timer per call cost each check a wake-up of dispatch's manager thread (an eventfd write,
/// an epoll round and a timer reprogramming), which `bearmon bench http` measured at 5-10%
/// of a check's CPU. Here, registering is a heap insert under a lock, and it wakes the thread
/// only when the new deadline is the earliest: calls of one type share a budget, so new
/// deadlines are usually later than the ones already waiting. A call that returns in time
/// cancels its entry, which drops the action (and the call it holds) at once; the empty entry
/// leaves the heap when its time comes.
final class DeadlineWatchdog: @unchecked Sendable {
    /// One registered timeout.
    final class Entry: Sendable, Comparable {
        private enum State {
            case idle
            case armed(@Sendable () -> Void)
            case done
        }

        /// When the action runs.
        let deadline: Deadline
        private let state = Mutex(State.idle)

        /// An entry due at `deadline`, with no action yet (see ``arm(_:)``).
        init(deadline: Deadline) { self.deadline = deadline }

        /// Earlier deadlines first.
        static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.deadline < rhs.deadline }
        /// The same entry.
        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs === rhs }

        /// Sets the action, unless the entry was already cancelled.
        func arm(_ action: @escaping @Sendable () -> Void) {
            state.withLock { if case .idle = $0 { $0 = .armed(action) } }
        }

        /// Drops the action: the call it guarded is over.
        func cancel() { state.withLock { $0 = .done } }

        /// Runs the action once, if it is still armed.
        fileprivate func fire() {
            let action: (@Sendable () -> Void)? = state.withLock { current in
                guard case .armed(let action) = current else { return nil }
                current = .done
                return action
            }
            action?()
        }
    }

    /// The longest the thread sleeps before looking at the monotonic clock again.
    static let maxSleepMilliseconds: Int64 = 200

    /// The process's watchdog; its thread starts with the first registration.
    static let shared = DeadlineWatchdog()

    private let condition = NSCondition()
    private var heap = MinHeap<Entry>()
    private var started = false

    /// Puts `entry` on the watch; its action runs on the watchdog's thread at its deadline.
    func schedule(_ entry: Entry) {
        condition.lock()
        defer { condition.unlock() }
        if !started {
            started = true
            let thread = Thread { [self] in run() }
            thread.name = "bearmon-deadlines"
            thread.start()
        }
        let isEarliest = heap.first.map { entry.deadline < $0.deadline } ?? true
        heap.insert(entry)
        if isEarliest { condition.signal() }
    }

    private func run() {
        condition.lock()
        while true {
            guard let first = heap.first else {
                condition.wait()
                continue
            }
            let remaining = first.deadline.remainingMilliseconds
            if remaining > 0 {
                // NSCondition waits on the wall clock, which can jump; the deadline is re-read on
                // the monotonic clock after each wait, and no wait is longer than maxSleepMilliseconds, so a
                // clock set back can delay a timeout by that much at most.
                let sleep = min(remaining, Self.maxSleepMilliseconds)
                _ = condition.wait(until: Date(timeIntervalSinceNow: Double(sleep) / 1000))
                continue
            }
            _ = heap.removeFirst()
            condition.unlock()
            first.fire()
            condition.lock()
        }
    }
}
