#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking stream socket whose every operation is bounded by a ``Deadline``.
///
/// Checks run on blocking worker threads, but a blocking `connect` or `read` without a bound
/// is how gobearmon's TCP check hung; here each wait is a `poll` that ends at the deadline.
public final class Socket {
    /// The file descriptor; closed when the socket is deinitialised.
    public let fd: Int32

    /// Opens a non-blocking, close-on-exec socket of the given family and type.
    public init(family: Int32, type: Int32 = Int32(SOCK_STREAM.rawValue), protocol proto: Int32 = 0) throws {
        fd = try syscall("socket") { Glibc.socket(family, type | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), proto) }
    }

    deinit { close(fd) }

    /// Connects to `address`, waiting no later than `deadline`.
    /// A timeout is reported as ETIMEDOUT from "connect".
    public func connect(to address: SocketAddress, deadline: Deadline) throws {
        if try startConnect(to: address) { return }
        try wait(for: Int16(POLLOUT), until: deadline, operation: "connect")
        let err = try pendingError()
        if err != 0 { throw SystemError(function: "connect", errno: err) }
    }

    /// Starts a non-blocking connect: true when it completed at once, false when it is in
    /// progress (wait for POLLOUT, then read ``pendingError()``).
    func startConnect(to address: SocketAddress) throws -> Bool {
        let rc = address.withSockAddr { Glibc.connect(fd, $0, $1) }
        if rc == 0 { return true }
        guard errno == EINPROGRESS || errno == EINTR else { throw SystemError(function: "connect", errno: errno) }
        return false
    }

    /// The socket's pending error (SO_ERROR): 0 once a connect in progress has succeeded.
    func pendingError() throws -> Int32 {
        var err: Int32 = 0
        var len = socklen_t(MemoryLayout<Int32>.size)
        try syscall("getsockopt") { getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) }
        return err
    }

    /// Writes all of `bytes`, waiting no later than `deadline`.
    public func send(_ bytes: [UInt8], deadline: Deadline) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buf in
                Glibc.send(fd, buf.baseAddress! + offset, buf.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n >= 0 { offset += n; continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw SystemError(function: "send", errno: errno)
            }
            try wait(for: Int16(POLLOUT), until: deadline, operation: "send")
        }
    }

    /// Reads once, up to `maxBytes`, waiting no later than `deadline`; an empty result means
    /// the peer closed the connection.
    public func receive(maxBytes: Int, deadline: Deadline) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
            if n >= 0 { return Array(buffer[0..<n]) }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw SystemError(function: "recv", errno: errno)
            }
            try wait(for: Int16(POLLIN), until: deadline, operation: "recv")
        }
    }

    /// Reads until a newline, EOF, `maxBytes` or the deadline, whichever comes first, and
    /// returns what came before the newline. `sawNewline` tells whether the line was complete.
    public func readLine(maxBytes: Int, deadline: Deadline) throws -> (line: [UInt8], sawNewline: Bool) {
        var line: [UInt8] = []
        while line.count < maxBytes {
            let chunk = try receive(maxBytes: min(4096, maxBytes - line.count), deadline: deadline)
            if chunk.isEmpty { return (line, false) }
            if let newline = chunk.firstIndex(of: UInt8(ascii: "\n")) {
                line.append(contentsOf: chunk[..<newline])
                return (line, true)
            }
            line.append(contentsOf: chunk)
        }
        return (line, false)
    }

    /// Polls for `events` until `deadline`; throws ETIMEDOUT (as `operation`) when it passes.
    public func wait(for events: Int16, until deadline: Deadline, operation: String) throws {
        while true {
            let remaining = deadline.remainingMilliseconds
            if remaining <= 0 { throw SystemError(function: operation, errno: ETIMEDOUT) }
            var pfd = pollfd(fd: fd, events: events, revents: 0)
            let ready = try syscall("poll") { poll(&pfd, 1, Int32(clamping: remaining)) }
            if ready > 0 { return }
        }
    }
}
