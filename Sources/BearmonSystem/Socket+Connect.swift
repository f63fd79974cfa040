#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Socket {
    /// Resolves `target` and connects as Go's dialer does (gobearmon's tcp and ssl_expire):
    /// the addresses of the resolver's first family are tried in turn, each with a share of the
    /// time left; when the name has addresses of the other family too, those are tried the
    /// same way from 300 ms on (or at once when the first family has failed), racing the
    /// first, and the first connection made wins. Throws ``ResolutionError`` when the name does
    /// not resolve and ``ConnectError`` (the first family's first failure, as Go reports) when
    /// no address accepts by `deadline`. With a `policy`, only the addresses it approves are
    /// tried, and ``EgressRefusal`` is thrown when it approves none.
    public static func connected(
        to target: HostPort, family: AddressFamilyPreference = .any, deadline: Deadline, policy: (any EgressPolicy)? = nil
    ) throws -> Socket {
        var addresses = try AddressResolver.resolve(target.host, port: target.port, family: family, deadline: deadline)
        if let policy { addresses = try policy.permitted(addresses, host: target.host) }
        var dial = DialRace(target: target, addresses: addresses, deadline: deadline)
        return try dial.run()
    }
}
