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
final class DeadlineWatchdog: Sendable {
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

        /// Runs the action once, if it is still armed: at the deadline, or earlier when the
        /// call's task is cancelled.
        func fire() {
            let action: (@Sendable () -> Void)? = state.withLock { current in
                guard case .armed(let action) = current else { return nil }
                current = .done
                return action
            }
            action?()
        }
    }

    /// The process's watchdog; its thread starts with the first registration.
    static let shared = DeadlineWatchdog()

    /// The entries waiting, and whether the thread runs yet.
    private struct Watch: Sendable {
        var heap = MinHeap<Entry>()
        var started = false
    }

    private let watch = ThreadCondition(Watch())

    /// Puts `entry` on the watch; its action runs on the watchdog's thread at its deadline.
    func schedule(_ entry: Entry) {
        let (start, isEarliest) = watch.withLock { watch in
            defer { watch.started = true }
            let isEarliest = watch.heap.first.map { entry.deadline < $0.deadline } ?? true
            watch.heap.insert(entry)
            return (!watch.started, isEarliest)
        }
        if start {
            let thread = Thread { [self] in run() }
            thread.name = "bearmon-deadlines"
            thread.start()
        }
        if isEarliest { watch.signal() }
    }

    private func run() {
        while true {
            // The wait counts on the monotonic clock, so a clock set back delays no timeout.
            let due = watch.wait { watch -> ThreadCondition<Watch>.Step<Entry> in
                guard let first = watch.heap.first else { return .sleep(until: nil) }
                guard first.deadline.hasPassed else { return .sleep(until: first.deadline) }
                _ = watch.heap.removeFirst()
                return .done(first)
            }
            due.fire()
        }
    }
}
