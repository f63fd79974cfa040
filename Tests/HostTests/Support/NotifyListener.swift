import BearmonSystem
import Foundation
import Glibc

/// What systemd's side of `Type=notify` does: a unix datagram socket that collects the
/// `KEY=VALUE` messages a service sends to `$NOTIFY_SOCKET`. `abstract` binds a name in the
/// abstract namespace (given to the service as `@NAME`) instead of a file in `directory`.
final class NotifyListener: @unchecked Sendable {
    let fd: Int32
    /// The value to hand the service as NOTIFY_SOCKET.
    let name: String

    init(directory: TempDirectory, abstract: Bool = false) throws {
        fd = try syscall("socket") { socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        let unique = "bearmon-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        name = abstract ? "@" + unique : directory.file("notify.sock")
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(name.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout.offset(of: \sockaddr_un.sun_path)! + bytes.count + (abstract ? 0 : 1))
        try withUnsafePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                _ = try syscall("bind") { bind(fd, raw, length) }
            }
        }
    }

    deinit { close(fd) }

    /// The next datagram, or nil when none came within `timeout` seconds.
    func next(timeout: Double) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Datagrams until one has a line equal to `line` (returned), or nil after `timeout` seconds.
    func await(line: String, timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let message = next(timeout: max(0.05, deadline.timeIntervalSinceNow)) else { return nil }
            if message.split(separator: "\n").contains(Substring(line)) { return message }
        }
        return nil
    }
}
