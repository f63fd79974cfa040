import BearmonSystem
import Foundation
import Glibc
import Synchronization

/// A real TCP server on a loopback address, for check tests. It runs on its own thread,
/// accepts with a bounded poll, and stops when asked or after `lifetime` seconds at most.
final class LoopbackServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        /// Accept, then close at once.
        case acceptAndClose
        /// Accept and never send anything; connections stay open until the server stops.
        case hang
        /// Read one line, answer it with the function's result plus "\n", then close.
        case replyToLine(@Sendable (String) -> String)
        /// Send this line as soon as the connection is accepted, then close.
        case banner(String)
        /// Send these bytes (any bytes, not only UTF-8) and "\n" on accepting, then close.
        case rawBanner([UInt8])
        /// Wait this many seconds after accepting, then send the line and close.
        case lateBanner(seconds: Double, String)
        /// Read one line, answer it with these bytes and no newline, then close.
        case unterminated(String)
    }

    let port: UInt16
    let host: String
    /// What the server thread and the test share, under one lock.
    private final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var stopped = false
        var held: [Int32] = []
        var accepted = 0
        let exited = DispatchSemaphore(value: 0)

        func with<T>(_ body: (Shared) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(self)
        }
    }

    private let shared = Shared()
    private let thread: Thread

    /// Starts listening on `host` (127.0.0.1 or ::1) at an ephemeral port.
    init(host: String = "127.0.0.1", behaviour: Behaviour, lifetime: Double = 120) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        let fd = try syscall("socket") { socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        port = try LoopbackPort.bind(fd, host: host)
        try syscall("listen") { listen(fd, 128) }
        self.host = host
        let shared = self.shared
        let end = Deadline.after(milliseconds: Int64(lifetime * 1000))
        thread = Thread {
            while !shared.with({ $0.stopped }), !end.hasPassed {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, 100) > 0 else { continue }
                let client = accept(fd, nil, nil)
                guard client >= 0 else { continue }
                shared.with { $0.accepted += 1 }
                LoopbackServer.serve(client, behaviour, shared: shared)
            }
            close(fd)
            shared.with { state in
                state.held.forEach { close($0) }
                state.held.removeAll()
            }
            shared.exited.signal()
        }
        thread.start()
    }

    /// The address as a check's data writes it.
    var address: String { HostPort(host: host, port: port).description }

    /// Connections accepted so far.
    var acceptedCount: Int { shared.with { $0.accepted } }

    private static func serve(_ client: Int32, _ behaviour: Behaviour, shared: Shared) {
        switch behaviour {
        case .acceptAndClose:
            close(client)
        case .hang:
            shared.with { $0.held.append(client) }
        case .banner(let line):
            sendAndClose(client, line + "\n")
        case .rawBanner(let bytes):
            _ = (bytes + [10]).withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(client)
        case .lateBanner(let seconds, let line):
            Thread {
                Thread.sleep(forTimeInterval: seconds)
                sendAndClose(client, line + "\n")
            }.start()
        case .unterminated(let bytes):
            // At once, on this thread: wait for the request's first bytes (not a whole line,
            // which a payload without a newline never sends), then answer and close.
            var pfd = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            var scratch = [UInt8](repeating: 0, count: 4096)
            if poll(&pfd, 1, 5000) > 0 { _ = recv(client, &scratch, scratch.count, 0) }
            sendAndClose(client, bytes)
        case .replyToLine(let answer):
            reply(client) { answer($0) + "\n" }
        }
    }

    /// Reads one line on a thread of its own, sends `reply`'s answer to it, then closes.
    private static func reply(_ client: Int32, _ reply: @escaping @Sendable (String) -> String) {
        Thread {
            var line: [UInt8] = []
            var byte: UInt8 = 0
            var pfd = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            while line.count < 65536, poll(&pfd, 1, 5000) > 0, recv(client, &byte, 1, 0) == 1, byte != 10 {
                line.append(byte)
            }
            sendAndClose(client, reply(String(decoding: line, as: UTF8.self)))
        }.start()
    }

    private static func sendAndClose(_ client: Int32, _ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        close(client)
    }

    /// Stops accepting and closes the listener and every held connection.
    func stop() {
        let wasStopped = shared.with { state in
            defer { state.stopped = true }
            return state.stopped
        }
        guard !wasStopped else { return }
        _ = shared.exited.wait(timeout: .now() + 5)
    }

    deinit { stop() }
}

/// A loopback port with nothing listening: bound then closed, so connects are refused.
func refusedPort() throws -> UInt16 {
    // Never the same port twice in one test run, and never from the kernel's ephemeral range:
    // a port bound there and closed is handed out again to the next server that binds port 0
    // (a fixture of a test running in parallel), which then sits where a node was to listen.
    // The socket is bound but never listens: a listener here, even for the moment it took to
    // close, accepted other tests' connections to a port they had been told nothing listens on.
    for _ in 0..<512 {
        let port = handedOutPorts.withLock { $0.next() }
        let fd = try syscall("socket") { socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        defer { close(fd) }
        if (try? LoopbackPort.bind(fd, host: "127.0.0.1", port: port)) != nil { return port }
    }
    throw LoopbackPortsExhausted()
}

/// Ports for ``refusedPort()``: the 8,000 below the kernel's ephemeral range, which no port-0
/// bind is given, walked once from a place that depends on the process.
private struct ReservedPorts {
    let range: Range<Int>
    var offset: Int

    init() {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let low = text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32768
        let top = max(low, 12_000)
        range = (top - 8_000)..<top
        offset = Int(getpid()) % range.count
    }

    /// The next port to try; each is tried once per run.
    mutating func next() -> UInt16 {
        defer { offset += 1 }
        return UInt16(range.lowerBound + offset % range.count)
    }
}

/// Where ``refusedPort()`` goes on from.
private let handedOutPorts = Mutex(ReservedPorts())

/// ``refusedPort()`` found no free port where it looks.
struct LoopbackPortsExhausted: Error, CustomStringConvertible {
    var description: String { "512 loopback ports in a row below the ephemeral range were taken" }
}
