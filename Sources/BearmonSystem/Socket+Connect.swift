#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Socket {
    /// Resolves `target` and tries each address in turn, as Go's dialer does, until one
    /// accepts; every attempt ends by `deadline`. Throws ``ResolutionError`` when the name does
    /// not resolve and ``ConnectError`` (for the last address tried) when no address accepts.
    public static func connected(
        to target: HostPort, family: AddressFamilyPreference = .any, deadline: Deadline
    ) throws -> Socket {
        let addresses = try AddressResolver.resolve(target.host, port: target.port, family: family, deadline: deadline)
        var lastError: Error = SystemError(function: "connect", errno: 0)
        for address in addresses {
            do {
                let socket = try Socket(family: address.family)
                try socket.connect(to: address, deadline: deadline)
                return socket
            } catch let error as SystemError {
                lastError = ConnectError(target: target, address: address, error: error)
                // The deadline is shared: once it has passed, later addresses cannot be tried.
                if error.errno == ETIMEDOUT { break }
            }
        }
        throw lastError
    }
}
