#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// One getaddrinfo call on a thread of its own, so that its caller can stop waiting at a
/// deadline. getaddrinfo cannot be interrupted: a nameserver that never answers holds it for
/// resolv.conf's `timeout` x `attempts` per server, which can outlast any check. The thread and
/// the caller share this object (each holds a reference), so whichever finishes last frees it.
///
/// Threads whose caller gave up are counted, and past ``abandonedCap`` a new lookup is refused
/// at once: with the nameserver silent, every check against a name would otherwise leave one
/// more thread behind, each holding a stack and a resolver socket for up to the resolver's
/// whole timeout, until the process runs out of threads.
final class DetachedLookup: @unchecked Sendable {
    /// The most abandoned lookups that may still be running before new ones are refused. A
    /// healthy resolver answers within a check's timeout, so any abandoned thread means it is
    /// not answering; 64 leaves room for a burst of checks against several names while still
    /// bounding what a dead resolver costs (64 small stacks) far below the process's limits.
    /// Each plugin links its own BearmonSystem, so each counts its own lookups.
    static let abandonedCap = 64
    /// Lookup threads still running whose caller stopped waiting.
    private static let abandoned = Atomic<Int>(0)

    private let host: String
    private let service: String
    private let hints: addrinfo
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Set once by the lookup thread, under `mutex`.
    private var outcome: Result<[SocketAddress], ResolutionError>?
    /// Set under `mutex` when the caller stops waiting, so that the thread knows to uncount
    /// itself when it ends.
    private var givenUp = false

    init(host: String, service: String, hints: addrinfo) {
        self.host = host
        self.service = service
        self.hints = hints
        pthread_mutex_init(mutex, nil)
        // The wait is counted on CLOCK_MONOTONIC, like every Deadline.
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(finished, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(finished)
        pthread_mutex_destroy(mutex)
        finished.deallocate()
        mutex.deallocate()
    }

    /// Starts the lookup and waits for it until `deadline`. Returns nil when the lookup thread
    /// could not be started, so that the caller can resolve in place instead. While
    /// ``abandonedCap`` lookups are still stuck, it fails at once without starting a thread.
    func wait(until deadline: Deadline) -> Result<[SocketAddress], ResolutionError>? {
        let stuck = Self.abandoned.load(ordering: .relaxed)
        if stuck >= Self.abandonedCap {
            return .failure(ResolutionError(host: host, reason: "resolver saturated: \(stuck) earlier lookups are still waiting for an answer"))
        }
        guard start() else { return nil }
        var limit = timespec(tv_sec: Int(deadline.uptimeNanoseconds / 1_000_000_000),
                             tv_nsec: Int(deadline.uptimeNanoseconds % 1_000_000_000))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while outcome == nil {
            if pthread_cond_timedwait(finished, mutex, &limit) == ETIMEDOUT, outcome == nil {
                givenUp = true
                Self.abandoned.add(1, ordering: .relaxed)
                return .failure(ResolutionError(host: host, reason: "no answer from the resolver before the deadline"))
            }
        }
        return outcome
    }

    private func start() -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        // The thread's reference: released when the lookup is done, whether or not anyone waits.
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attributes, { context in
            let lookup = Unmanaged<DetachedLookup>.fromOpaque(context!).takeRetainedValue()
            lookup.finish(with: AddressResolver.lookUp(lookup.host, service: lookup.service, hints: lookup.hints))
            return nil
        }, context)
        if rc != 0 { Unmanaged<DetachedLookup>.fromOpaque(context).release() }
        return rc == 0
    }

    private func finish(with result: Result<[SocketAddress], ResolutionError>) {
        pthread_mutex_lock(mutex)
        outcome = result
        if givenUp { Self.abandoned.subtract(1, ordering: .relaxed) }
        pthread_cond_signal(finished)
        pthread_mutex_unlock(mutex)
    }
}
