#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One getaddrinfo call on a thread of its own, so that its caller can stop waiting at a
/// deadline. getaddrinfo cannot be interrupted: a nameserver that never answers holds it for
/// resolv.conf's `timeout` x `attempts` per server, which can outlast any check. The thread and
/// the caller share this object (each holds a reference), so whichever finishes last frees it.
final class DetachedLookup: @unchecked Sendable {
    private let host: String
    private let service: String
    private let hints: addrinfo
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Set once by the lookup thread, under `mutex`.
    private var outcome: Result<[SocketAddress], ResolutionError>?

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
    /// could not be started, so that the caller can resolve in place instead.
    func wait(until deadline: Deadline) -> Result<[SocketAddress], ResolutionError>? {
        guard start() else { return nil }
        var limit = timespec(tv_sec: Int(deadline.uptimeNanoseconds / 1_000_000_000),
                             tv_nsec: Int(deadline.uptimeNanoseconds % 1_000_000_000))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while outcome == nil {
            if pthread_cond_timedwait(finished, mutex, &limit) == ETIMEDOUT, outcome == nil {
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
        pthread_cond_signal(finished)
        pthread_mutex_unlock(mutex)
    }
}
