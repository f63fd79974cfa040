import BearmonSystem
import Foundation
import Glibc

/// A UDP socket on 127.0.0.1 that reads every datagram and never answers: a DNS server that
/// has gone quiet. Its thread stops when asked or after `lifetime` seconds at most.
final class SilentUDPServer: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    /// What the server thread and the test share, under one lock.
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        private var received = 0
        let exited = DispatchSemaphore(value: 0)

        var isStopped: Bool { lock.withLock { stopped } }
        var receivedCount: Int { lock.withLock { received } }
        func countDatagram() { lock.withLock { received += 1 } }
        /// Marks the state stopped; returns whether it already was.
        func markStopped() -> Bool { lock.withLock { defer { stopped = true }; return stopped } }
    }

    private let state = State()

    init(lifetime: Double = 60) throws {
        fd = try syscall("socket") { socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        port = try LoopbackPort.bind(fd, host: "127.0.0.1")
        let end = Deadline.after(milliseconds: Int64(lifetime * 1000))
        Thread { [fd, state] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while !state.isStopped, !end.hasPassed {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, 100) > 0 else { continue }
                if recv(fd, &buffer, buffer.count, 0) >= 0 { state.countDatagram() }
            }
            close(fd)
            state.exited.signal()
        }.start()
    }

    /// Datagrams read so far.
    var receivedCount: Int { state.receivedCount }

    /// The address as a check's data writes it.
    var address: String { "127.0.0.1:\(port)" }

    /// Stops reading and closes the socket.
    func stop() {
        if !state.markStopped() { _ = state.exited.wait(timeout: .now() + 5) }
    }

    deinit { stop() }
}
