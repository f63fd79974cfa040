/// `[security] deny` and `allow`: the ranges checks and contacts may not connect to, and the
/// exceptions carved out of them. The most specific range that contains an address decides
/// (the longest prefix); when a deny and an allow range are equally specific, allow wins, so
/// that repeating a built-in range under `allow` lifts it. An address no range contains is
/// allowed.
public struct EgressRules: EgressPolicy, Sendable, Equatable {
    /// Always denied unless allowed: link-local IPv4 (cloud metadata at 169.254.169.254),
    /// link-local IPv6, and AWS's IPv6 metadata address.
    public static let builtInDeny = ["169.254.0.0/16", "fe80::/10", "fd00:ec2::254/128"]

    /// The denied ranges: the built-in ones, then those configured.
    public let deny: [CIDRRange]
    /// The allowed ranges.
    public let allow: [CIDRRange]
    /// Where the rules come from, for messages: "[security]".
    public let source: String

    /// The built-in denials plus `deny`, with the exceptions `allow`; each entry is one range
    /// (see ``CIDRRange``). The error names the first entry that is not a range.
    public init(deny: [String] = [], allow: [String] = [], source: String = "[security]") throws(CIDRRangeError) {
        self.deny = try (Self.builtInDeny + deny).map { text throws(CIDRRangeError) in try CIDRRange(parsing: text) }
        self.allow = try allow.map { text throws(CIDRRangeError) in try CIDRRange(parsing: text) }
        self.source = source
    }

    /// The built-in rules alone.
    // try!: the built-in ranges are literals, and EgressRulesTests parses each one.
    public static let builtIn = try! EgressRules()

    /// Why `address` may not be connected to, or nil when it may.
    public func refusal(for address: IPAddress) -> EgressRefusal? {
        guard let denied = mostSpecific(deny, containing: address) else { return nil }
        if let allowed = mostSpecific(allow, containing: address), allowed.prefixLength >= denied.prefixLength { return nil }
        return EgressRefusal("\(address) is denied by \(source) deny \(denied)")
    }

    /// Throws ``refusal(for:)`` of the address `address` holds.
    public func approve(_ address: SocketAddress, host: String) throws(EgressRefusal) {
        if let refusal = refusal(for: IPAddress(address)) { throw refusal }
    }

    /// The longest-prefix range of `ranges` that contains `address`; the first of equals.
    private func mostSpecific(_ ranges: [CIDRRange], containing address: IPAddress) -> CIDRRange? {
        ranges.reduce(nil) { best, range in
            guard range.contains(address), range.prefixLength > best?.prefixLength ?? -1 else { return best }
            return range
        }
    }
}
