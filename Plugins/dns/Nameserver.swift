import BearmonSystem

/// Where a dns check sends its query, and which setting chose it.
struct Nameserver: CustomStringConvertible {
    /// The setting a nameserver came from, in the order they are consulted.
    enum Origin: String {
        case check = "parameter 'server'"
        case config = "[dns] server"
        case system = "/etc/resolv.conf"
    }

    /// The server's host (usually an address literal) and port.
    let address: HostPort
    /// Which setting named it.
    let origin: Origin

    /// The check's `server`, else `[dns] server`, else the system resolver's first
    /// nameserver. An empty string counts as unset, as it did in gobearmon.
    static func choose(server: String?, configured: String?) throws -> Nameserver {
        if let server, !server.trimmingWhitespace().isEmpty {
            return Nameserver(address: try parse(server), origin: .check)
        }
        if let configured, !configured.trimmingWhitespace().isEmpty {
            do {
                return Nameserver(address: try parse(configured), origin: .config)
            } catch {
                throw NameserverError(reason: "[dns] server: \(error)")
            }
        }
        return Nameserver(address: try systemDefault(), origin: .system)
    }

    /// Parses "addr[:port]": the port defaults to 53, and an IPv6 address with a port goes
    /// in brackets. A bare IPv6 literal ("::1") is taken whole, since it cannot hold a port.
    static func parse(_ text: String) throws(HostPortError) -> HostPort {
        let trimmed = text.trimmingWhitespace()
        if trimmed.contains(":"), !trimmed.hasPrefix("["), AddressResolver.isLiteral(trimmed) {
            return HostPort(host: trimmed, port: 53)
        }
        return try HostPort(parsing: trimmed, defaultPort: 53)
    }

    var description: String { address.description }
}
