#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// State behind a lock that OS threads can sleep on until another thread changes it: the one
/// condition variable in bearmon. Only threads that must block use it (the plugin pool's
/// threads waiting for work, the deadline thread, a caller waiting for a lookup thread);
/// tasks never do, they use `Mutex` and continuations. Timed waits count on CLOCK_MONOTONIC,
/// like every ``Deadline``, so a wall-clock jump neither cuts nor stretches one.
public final class ThreadCondition<State: Sendable>: @unchecked Sendable {
    // @unchecked: `state` is touched only with `mutex` held, which the compiler cannot see
    // through the raw pthread pointers.

    /// What a ``wait(_:)`` body decides on each look at the state.
    public enum Step<Value> {
        /// Stop waiting and return `Value`.
        case done(Value)
        /// Sleep until signalled, or until the deadline passes (nil: no deadline), then look again.
        case sleep(until: Deadline?)
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var state: State

    /// A condition guarding `initial`.
    public init(_ initial: State) {
        state = initial
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the state locked.
    public func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Runs `body` with the state locked, again after each wake-up, until it returns `.done`;
    /// the lock is released while the thread sleeps. Spurious wake-ups just mean another look.
    public func wait<T>(_ body: (inout State) throws -> Step<T>) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            switch try body(&state) {
            case .done(let value):
                return value
            case .sleep(until: nil):
                pthread_cond_wait(condition, mutex)
            case .sleep(until: let deadline?):
                var limit = timespec(tv_sec: Int(deadline.uptimeNanoseconds / 1_000_000_000),
                                     tv_nsec: Int(deadline.uptimeNanoseconds % 1_000_000_000))
                _ = pthread_cond_timedwait(condition, mutex, &limit)
            }
        }
    }

    /// Wakes one sleeping thread; call it after changing the state.
    public func signal() { pthread_cond_signal(condition) }

    /// Wakes every sleeping thread.
    public func broadcast() { pthread_cond_broadcast(condition) }
}
