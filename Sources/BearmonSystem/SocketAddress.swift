#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 socket address, as getaddrinfo returns it.
public struct SocketAddress: Sendable, CustomStringConvertible {
    /// The raw address; only the first `length` bytes are meaningful.
    public var storage: sockaddr_storage
    /// The length of the address in `storage`.
    public let length: socklen_t

    /// Copies `length` bytes of the address at `pointer`.
    public init(_ pointer: UnsafePointer<sockaddr>, length: socklen_t) {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { dest in
            dest.copyMemory(from: UnsafeRawBufferPointer(start: pointer, count: Int(length)))
        }
        self.storage = storage
        self.length = length
    }

    /// AF_INET or AF_INET6.
    public var family: Int32 { Int32(storage.ss_family) }

    /// Whether this is an IPv6 address.
    public var isIPv6: Bool { family == AF_INET6 }

    /// Calls `body` with a `sockaddr` pointer to this address.
    public func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R {
        var copy = storage
        return try withUnsafePointer(to: &copy) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, length) }
        }
    }

    /// The numeric address without the port, for example "::1" or "127.0.0.1".
    public var ipString: String {
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let rc = withSockAddr { address, length in
            getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
        }
        return rc == 0 ? String(cString: host) : "?"
    }

    /// The port, in host byte order.
    public var port: UInt16 {
        withSockAddr { address, _ in
            if family == AF_INET6 {
                return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    /// "127.0.0.1:80" or "[::1]:80".
    public var description: String { HostPort(host: ipString, port: port).description }
}
