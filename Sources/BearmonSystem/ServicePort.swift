#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Port names such as `http` in `example.com:http`, as Go's dialer (gobearmon's) took them.
public enum ServicePort {
    /// The port the services database (/etc/services) gives the TCP service `name`, or nil
    /// when it has none. getservbyname_r, since checks look names up on many threads at once.
    public static func lookUp(_ name: String) -> UInt16? {
        guard !name.isEmpty, !name.contains("\0") else { return nil }
        var entry = servent()
        var buffer = [CChar](repeating: 0, count: 4096)
        var found: UnsafeMutablePointer<servent>?
        let rc = getservbyname_r(name, "tcp", &entry, &buffer, buffer.count, &found)
        guard rc == 0, let found else { return nil }
        // s_port holds the 16-bit port in network byte order.
        return UInt16(bigEndian: UInt16(truncatingIfNeeded: found.pointee.s_port))
    }
}
