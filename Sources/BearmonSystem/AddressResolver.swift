#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which address families a lookup may return: gobearmon's `force_ip` (0 any, 4, or 6).
public enum AddressFamilyPreference: Int, Sendable {
    /// Any family, in the order the resolver gives.
    case any = 0
    /// IPv4 only.
    case ipv4 = 4
    /// IPv6 only.
    case ipv6 = 6

    var aiFamily: Int32 {
        switch self {
        case .any: AF_UNSPEC
        case .ipv4: AF_INET
        case .ipv6: AF_INET6
        }
    }
}

/// A name lookup that failed, with getaddrinfo's reason.
public struct ResolutionError: Error, CustomStringConvertible, Sendable {
    /// The name that was looked up.
    public let host: String
    /// The resolver's reason, for example "Name or service not known".
    public let reason: String
    /// "resolve example.invalid: Name or service not known".
    public var description: String { "resolve \(host): \(reason)" }
}

/// Resolves host names and literals to socket addresses through getaddrinfo.
public enum AddressResolver {
    /// All addresses of `host` for `port`, in the resolver's order, filtered by `family`.
    /// A literal address is parsed without any lookup. With a `deadline`, a name lookup that
    /// is still running then is given up (it finishes on its own thread) and reported as a
    /// ``ResolutionError``, so a silent nameserver cannot stretch a check past its timeout.
    public static func resolve(
        _ host: String, port: UInt16, family: AddressFamilyPreference = .any, socketType: Int32 = Int32(SOCK_STREAM.rawValue),
        deadline: Deadline? = nil
    ) throws(ResolutionError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = family.aiFamily
        hints.ai_socktype = socketType
        hints.ai_flags = lookupFlags(for: host)
        let service = String(port)
        var result: Result<[SocketAddress], ResolutionError>?
        if let deadline, hints.ai_flags & AI_NUMERICHOST == 0 {
            result = DetachedLookup(host: host, service: service, hints: hints).wait(until: deadline)
        }
        switch result ?? lookUp(host, service: service, hints: hints) {
        case .success(let addresses): return addresses
        case .failure(let error):
            guard family != .any else { throw error }
            throw ResolutionError(host: host, reason: "\(error.reason) (IPv\(family.rawValue) only)")
        }
    }

    /// One blocking getaddrinfo call, its list copied out and freed.
    static func lookUp(_ host: String, service: String, hints: addrinfo) -> Result<[SocketAddress], ResolutionError> {
        var hints = hints
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, service, &hints, &list)
        guard rc == 0, let list else {
            let reason = rc == EAI_SYSTEM ? SystemError(function: "getaddrinfo", errno: errno).reason : String(cString: gai_strerror(rc))
            return .failure(ResolutionError(host: host, reason: reason))
        }
        defer { freeaddrinfo(list) }
        var result: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = list
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                result.append(SocketAddress(address, length: entry.pointee.ai_addrlen))
            }
            cursor = entry.pointee.ai_next
        }
        return result.isEmpty ? .failure(ResolutionError(host: host, reason: "no addresses")) : .success(result)
    }

    /// Literals skip the resolver entirely. AI_ADDRCONFIG is never set: it hides ::1 on hosts
    /// without a global IPv6 address, which would break `[::1]` checks on loopback-only hosts.
    private static func lookupFlags(for host: String) -> Int32 {
        isLiteral(host) ? AI_NUMERICHOST : 0
    }

    /// Whether `host` is an IPv4 or IPv6 literal.
    public static func isLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
