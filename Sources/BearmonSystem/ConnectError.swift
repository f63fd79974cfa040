#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connect to a host:port that failed, worded for a check message.
public struct ConnectError: Error, CustomStringConvertible, Sendable {
    /// The address as the check's data wrote it.
    public let target: HostPort
    /// The resolved address the last attempt went to.
    public let address: SocketAddress
    /// Why that attempt failed.
    public let error: SystemError

    /// Creates the error for a failed attempt at `address`.
    public init(target: HostPort, address: SocketAddress, error: SystemError) {
        self.target = target
        self.address = address
        self.error = error
    }

    /// Whether the attempt ran out of time rather than being refused.
    public var isTimeout: Bool { error.errno == ETIMEDOUT }

    /// "connect to example.com:443 (93.184.216.34:443): Connection refused", or "... timed out".
    public var description: String {
        let via = target.host == address.ipString ? "" : " (\(address))"
        if isTimeout { return "connect to \(target)\(via) timed out" }
        return "connect to \(target)\(via): \(error.reason)"
    }
}
