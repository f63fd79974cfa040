import BearmonConfig
import Logging
import NIOCore
import Synchronization

/// Counts a node's inbound connections and decides which may stay, so that no client can
/// hold descriptors the node's probes need, and node-to-node traffic always gets in:
///
/// - At most ``ServerSettings/maxConnections`` are open. A new connection past that takes
///   the place of the oldest *waiting* one (it has sent no complete request head yet, or
///   sits idle between requests): a peer's ping or long poll sends its head at once, so
///   slow or idle clients are the ones cut. When none is waiting, the new one is closed.
/// - Requests without the signature headers are served while fewer than
///   `maxConnections - reservedForNodes` of them are in progress; past that they get 503,
///   so a flood of open requests (slow queries, pushes) leaves room for signed ones.
///
/// One limiter per server, shared by every connection's ``ConnectionGuard``.
final class ConnectionLimiter: Sendable {
    /// What to do with a new connection.
    enum Admission {
        /// Serve it; close `evicting` (an older waiting connection) to make room, if set.
        case admitted(evicting: (any Channel)?)
        /// Close it at once: every open connection is busy.
        case refused
    }

    private struct Connection {
        let channel: any Channel
        /// When it began waiting for a request head, as a sequence number (earlier is
        /// smaller); nil while a request is in progress.
        var waitingSince: UInt64?
        /// Whether its request in progress is unsigned (counts against the open limit).
        var openRequest = false
    }

    private struct State {
        var connections: [ObjectIdentifier: Connection] = [:]
        var openRequests = 0
        /// Numbers the moments connections begin waiting, for eviction order without ties.
        var sequence: UInt64 = 0
        var lastWarning: ContinuousClock.Instant?
    }

    /// The cap on open connections.
    let maxConnections: Int
    /// The cap on unsigned requests in progress.
    let openLimit: Int
    private let logger: Logger
    private let state = Mutex(State())

    /// A limiter enforcing `settings`.
    init(settings: ServerSettings, logger: Logger) {
        maxConnections = settings.maxConnections
        openLimit = max(1, settings.maxConnections - settings.reservedForNodes)
        self.logger = logger
    }

    /// Connections open now.
    var count: Int { state.withLock { $0.connections.count } }

    /// Registers `channel`, a connection just accepted (see ``Admission``).
    func admit(_ channel: any Channel) -> Admission {
        let now = ContinuousClock.now
        let (admission, warn) = state.withLock { state -> (Admission, Bool) in
            var evicted: (any Channel)?
            if state.connections.count >= maxConnections {
                let oldest = state.connections.filter { $0.value.waitingSince != nil }.min { $0.value.waitingSince! < $1.value.waitingSince! }
                guard let oldest else { return (.refused, Self.shouldWarn(&state, now)) }
                state.connections[oldest.key] = nil
                evicted = oldest.value.channel
            }
            state.sequence += 1
            state.connections[ObjectIdentifier(channel)] = Connection(channel: channel, waitingSince: state.sequence)
            return (.admitted(evicting: evicted), evicted != nil && Self.shouldWarn(&state, now))
        }
        if warn {
            logger.warning("\(maxConnections) inbound connections are open, the [server] maxConnections cap: new ones replace those that sent no request, or are closed at once when all are busy")
        }
        return admission
    }

    /// A request head arrived on `channel`, which was waiting; false when it must be
    /// refused (unsigned, and the open limit is reached).
    func beginRequest(on channel: any Channel, signed: Bool) -> Bool {
        state.withLock { state in
            let id = ObjectIdentifier(channel)
            guard state.connections[id] != nil else { return true }
            if !signed {
                guard state.openRequests < openLimit else { return false }
                state.openRequests += 1
                state.connections[id]?.openRequest = true
            }
            state.connections[id]?.waitingSince = nil
            return true
        }
    }

    /// Every request on `channel` has been answered; it waits for the next head.
    func endRequests(on channel: any Channel) {
        state.withLock { state in
            let id = ObjectIdentifier(channel)
            guard let connection = state.connections[id] else { return }
            if connection.openRequest { state.openRequests -= 1 }
            state.sequence += 1
            state.connections[id] = Connection(channel: channel, waitingSince: state.sequence)
        }
    }

    /// `channel` closed.
    func closed(_ channel: any Channel) {
        state.withLock { state in
            guard let connection = state.connections.removeValue(forKey: ObjectIdentifier(channel)) else { return }
            if connection.openRequest { state.openRequests -= 1 }
        }
    }

    /// At most one warning every 10 s, so that a flood does not flood the log too.
    private static func shouldWarn(_ state: inout State, _ now: ContinuousClock.Instant) -> Bool {
        if let last = state.lastWarning, now - last < .seconds(10) { return false }
        state.lastWarning = now
        return true
    }
}
