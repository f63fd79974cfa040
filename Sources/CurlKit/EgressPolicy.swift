import BearmonSystem

/// Decides which addresses a transfer may connect to. ``CurlTransfer`` resolves the host of
/// every hop itself (the first URL and each redirect) and asks the policy about each address
/// before curl sees it; curl is handed only the approved ones (CURLOPT_RESOLVE), so this is
/// the one place where deny and allow lists on destination addresses take effect.
package protocol EgressPolicy: Sendable {
    /// Returns when `address` (resolved from `host`) may be connected to; throws why not.
    func approve(_ address: SocketAddress, host: String) throws(EgressRefusal)
}

/// Why an ``EgressPolicy`` refused an address, in words for an error message.
package struct EgressRefusal: Error, Sendable, CustomStringConvertible {
    /// The reason, for example "10.0.0.5 is in the denied range 10.0.0.0/8".
    package let reason: String

    /// A refusal for `reason`.
    package init(_ reason: String) { self.reason = reason }

    /// The reason.
    package var description: String { reason }
}
