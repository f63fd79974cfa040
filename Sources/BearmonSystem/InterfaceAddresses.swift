#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The IP addresses of this machine's network interfaces (getifaddrs), as text without
/// brackets: what a node listening on a wildcard address may be dialed at.
public enum InterfaceAddresses {
    /// Every IPv4 and IPv6 address of every interface, loopback included.
    public static func all() throws -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        try syscall("getifaddrs") { getifaddrs(&list) }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            if let address = current.pointee.ifa_addr, [AF_INET, AF_INET6].contains(Int32(address.pointee.sa_family)) {
                let length = socklen_t(Int32(address.pointee.sa_family) == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
                addresses.append(SocketAddress(address, length: length).ipString)
            }
            entry = current.pointee.ifa_next
        }
        return addresses
    }
}
