import BearmonSystem
import Glibc

/// Ephemeral ports on loopback, for servers the tests start.
enum LoopbackPort {
    /// Binds `fd` to `host` at `port` (0: an ephemeral port) and returns the port bound.
    static func bind(_ fd: Int32, host: String, port: UInt16 = 0) throws -> UInt16 {
        let address = try AddressResolver.resolve(host, port: port, socketType: Int32(SOCK_DGRAM.rawValue)).first!
        try address.withSockAddr { pointer, length in _ = try syscall("bind") { Glibc.bind(fd, pointer, length) } }
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        try withUnsafeMutablePointer(to: &bound) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                _ = try syscall("getsockname") { getsockname(fd, raw, &length) }
            }
        }
        return withUnsafePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress($0, length: length).port }
        }
    }

    /// A UDP port on 127.0.0.1 that was free a moment ago: nothing answers there.
    static func unused() throws -> UInt16 {
        let fd = try syscall("socket") { socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        defer { close(fd) }
        return try bind(fd, host: "127.0.0.1")
    }
}
