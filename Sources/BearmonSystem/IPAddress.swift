#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address without a port: 4 or 16 bytes in network order.
///
/// Egress rules judge these, so an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is made into
/// the IPv4 address it carries wherever one is built: a rule for 169.254.0.0/16 then refuses
/// `::ffff:169.254.169.254` too, which the kernel would deliver to the same IPv4 host.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, most significant first.
    public let bytes: [UInt8]

    /// Whether this is an IPv6 address (one that does not carry an IPv4 address).
    public var isIPv6: Bool { bytes.count == 16 }

    /// The address `bytes` (4 or 16 of them) spell, an IPv4-mapped one as IPv4.
    init(bytes: [UInt8]) {
        precondition(bytes.count == 4 || bytes.count == 16, "an IP address has 4 or 16 bytes")
        self.bytes = Self.isMapped(bytes) ? Array(bytes[12...]) : bytes
    }

    /// Parses a numeric address as inet_pton does: dotted decimal with no leading zeros for
    /// IPv4, RFC 4291 text for IPv6 (no brackets). A `%zone` after an IPv6 address is
    /// ignored (it picks an interface, not an address). Nil for anything else, including
    /// host names and the shorthand forms inet_aton allows ("127.1", "0x7f.0.0.1").
    public init?(parsing text: String) {
        var text = Substring(text)
        if let percent = text.firstIndex(of: "%"), text.contains(":") { text = text[..<percent] }
        // A NUL would end the C string early: "10.0.0.0\0junk" must not pass as 10.0.0.0.
        guard !text.isEmpty, text.utf8.count <= Int(INET6_ADDRSTRLEN), !text.utf8.contains(0) else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, String(text), &v4) == 1 {
            self.init(bytes: withUnsafeBytes(of: &v4) { Array($0) })
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, String(text), &v6) == 1 else { return nil }
        self.init(bytes: withUnsafeBytes(of: &v6) { Array($0) })
    }

    /// The address of a socket address (its port and scope dropped).
    public init(_ address: SocketAddress) {
        let bytes: [UInt8] = address.withSockAddr { pointer, _ in
            if address.isIPv6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                    withUnsafeBytes(of: v6.pointee.sin6_addr) { Array($0) }
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                withUnsafeBytes(of: v4.pointee.sin_addr) { Array($0) }
            }
        }
        self.init(bytes: bytes)
    }

    /// Whether `bytes` is an IPv4-mapped IPv6 address: ::ffff:0:0/96.
    static func isMapped(_ bytes: [UInt8]) -> Bool {
        bytes.count == 16 && bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
    }

    /// "192.0.2.1" or "2001:db8::1", as inet_ntop writes it.
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var copy = bytes
        let family = isIPv6 ? AF_INET6 : AF_INET
        let written = inet_ntop(family, &copy, &buffer, socklen_t(buffer.count))
        return written == nil ? "?" : String(cString: buffer)
    }
}
