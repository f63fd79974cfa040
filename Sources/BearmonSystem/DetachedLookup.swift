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
    // @unchecked: `hints` is a C struct with raw pointers (all nil here), copied as is.
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
    /// What the lookup thread and its caller share.
    private struct Shared: Sendable {
        /// Set once by the lookup thread.
        var outcome: Result<[SocketAddress], ResolutionError>?
        /// Set when the caller stops waiting, so that the thread knows to uncount itself when it ends.
        var givenUp = false
    }
    private let shared = ThreadCondition(Shared())

    init(host: String, service: String, hints: addrinfo) {
        self.host = host
        self.service = service
        self.hints = hints
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
        return shared.wait { shared in
            if let outcome = shared.outcome { return .done(outcome) }
            guard deadline.hasPassed else { return .sleep(until: deadline) }
            shared.givenUp = true
            Self.abandoned.add(1, ordering: .relaxed)
            return .done(.failure(ResolutionError(host: host, reason: "no answer from the resolver before the deadline")))
        }
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
        shared.withLock { shared in
            shared.outcome = result
            if shared.givenUp { Self.abandoned.subtract(1, ordering: .relaxed) }
        }
        shared.signal()
    }
}
