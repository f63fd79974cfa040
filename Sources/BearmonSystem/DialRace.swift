#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `dialParallel` over non-blocking sockets on one thread: a primary series (the first
/// address's family) and a fallback series (the other family) that starts ``fallbackDelay``
/// later, each trying its addresses one after another, polled together.
struct DialRace {
    /// Go's default `FallbackDelay` (RFC 6555's Happy Eyeballs).
    static let fallbackDelayMilliseconds: Int64 = 300
    /// Go's `partialDeadline` floor: an address gets at least this much of the time left.
    static let saneMinimumMilliseconds: Int64 = 2_000

    /// One family's addresses, tried in turn.
    struct Series {
        var addresses: [SocketAddress]
        var next = 0
        /// When it may start (the fallback waits for the primary).
        var startAt: Deadline
        /// The attempt in flight and when it must be given up.
        var attempt: (socket: Socket, address: SocketAddress, until: Deadline)?
        var firstError: ConnectError?

        var isExhausted: Bool { attempt == nil && next >= addresses.count }
    }

    let target: HostPort
    let deadline: Deadline
    var series: [Series]

    init(target: HostPort, addresses: [SocketAddress], deadline: Deadline) {
        self.target = target
        self.deadline = deadline
        let firstFamily = addresses.first?.family
        let primary = addresses.filter { $0.family == firstFamily }
        let fallback = addresses.filter { $0.family != firstFamily }
        let now = Deadline.now()
        series = [Series(addresses: primary, startAt: now)]
        if !fallback.isEmpty {
            series.append(Series(addresses: fallback, startAt: now.adding(milliseconds: Self.fallbackDelayMilliseconds)))
        }
    }

    /// Runs the race until a connection is made, every address has failed, or the deadline.
    mutating func run() throws -> Socket {
        while true {
            let now = Deadline.now()
            if series.count > 1, series[0].isExhausted { series[1].startAt = min(series[1].startAt, now) }
            for index in series.indices where series[index].attempt == nil && series[index].startAt <= now {
                if let socket = startNext(in: index) { return socket }
            }
            if series.allSatisfy(\.isExhausted) || deadline.hasPassed { throw failure() }
            if let socket = try pollAttempts() { return socket }
        }
    }

    /// Starts the series' next address that does not fail at once; a connection made at once
    /// is returned.
    private mutating func startNext(in index: Int) -> Socket? {
        while series[index].next < series[index].addresses.count {
            let address = series[index].addresses[series[index].next]
            let remaining = series[index].addresses.count - series[index].next
            series[index].next += 1
            do {
                let socket = try Socket(family: address.family)
                if try socket.startConnect(to: address) { return socket }
                series[index].attempt = (socket, address, partialDeadline(addressesLeft: remaining))
                return nil
            } catch let error as SystemError {
                record(error, at: address, in: index)
            } catch {
                record(SystemError(function: "connect", errno: EINVAL), at: address, in: index)
            }
        }
        return nil
    }

    /// Go's `partialDeadline`: the time left split over the addresses left, but no less than
    /// 2 s (or all of it, when less is left).
    private func partialDeadline(addressesLeft: Int) -> Deadline {
        let left = deadline.remainingMilliseconds
        var share = left / Int64(max(1, addressesLeft))
        if share < Self.saneMinimumMilliseconds { share = min(left, Self.saneMinimumMilliseconds) }
        return Deadline.earliest(deadline, .after(milliseconds: share))
    }

    /// Waits for an attempt to finish, an attempt's time to run out, or the fallback to be due.
    private mutating func pollAttempts() throws -> Socket? {
        var wakeAt = deadline
        var fds: [pollfd] = []
        var owners: [Int] = []
        for (index, entry) in series.enumerated() {
            if let attempt = entry.attempt {
                fds.append(pollfd(fd: attempt.socket.fd, events: Int16(POLLOUT), revents: 0))
                owners.append(index)
                wakeAt = min(wakeAt, attempt.until)
            } else if !entry.isExhausted {
                wakeAt = min(wakeAt, entry.startAt)
            }
        }
        let timeout = Int32(clamping: max(0, wakeAt.remainingMilliseconds))
        let ready = try syscall("poll") { poll(&fds, nfds_t(fds.count), timeout) }
        for (slot, index) in owners.enumerated() {
            guard let attempt = series[index].attempt else { continue }
            if ready > 0, fds[slot].revents != 0 {
                series[index].attempt = nil
                do {
                    let err = try attempt.socket.pendingError()
                    if err == 0 { return attempt.socket }
                    record(SystemError(function: "connect", errno: err), at: attempt.address, in: index)
                } catch let error as SystemError {
                    record(error, at: attempt.address, in: index)
                }
            } else if attempt.until.hasPassed {
                series[index].attempt = nil
                record(SystemError(function: "connect", errno: ETIMEDOUT), at: attempt.address, in: index)
            }
        }
        return nil
    }

    private mutating func record(_ error: SystemError, at address: SocketAddress, in index: Int) {
        if series[index].firstError == nil {
            series[index].firstError = ConnectError(target: target, address: address, error: error)
        }
    }

    /// The primary series' first error, as Go reports; a timeout when nothing was tried.
    private func failure() -> Error {
        if let error = series.lazy.compactMap(\.firstError).first { return error }
        let address = series.lazy.compactMap { $0.attempt?.address ?? $0.addresses.first }.first
        guard let address else { return SystemError(function: "connect", errno: ETIMEDOUT) }
        return ConnectError(target: target, address: address, error: SystemError(function: "connect", errno: ETIMEDOUT))
    }
}
