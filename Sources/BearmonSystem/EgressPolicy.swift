/// Decides which addresses a check or contact may connect to. Every bundled check and contact
/// asks it about the address it is about to connect to, after resolving the name, so that
/// what is judged is what is connected to.
public protocol EgressPolicy: Sendable {
    /// Returns when `address` (resolved from `host`) may be connected to; throws why not.
    func approve(_ address: SocketAddress, host: String) throws(EgressRefusal)
}

/// Why an ``EgressPolicy`` refused an address, in words for a message: it names the rule.
public struct EgressRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, for example "127.0.0.3 is denied by [security] deny 127.0.0.3/32".
    public let reason: String

    /// A refusal for `reason`.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}

extension EgressPolicy {
    /// The addresses of `host` this policy approves, in their order; when it approves none,
    /// the first refusal is thrown.
    public func permitted(_ addresses: [SocketAddress], host: String) throws(EgressRefusal) -> [SocketAddress] {
        var firstRefusal: EgressRefusal?
        let approved = addresses.filter { address in
            do throws(EgressRefusal) {
                try approve(address, host: host)
                return true
            } catch {
                if firstRefusal == nil { firstRefusal = error }
                return false
            }
        }
        if approved.isEmpty, let firstRefusal { throw firstRefusal }
        return approved
    }
}
