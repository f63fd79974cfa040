/// A range of addresses in CIDR notation, such as `169.254.0.0/16` or `fe80::/10`, parsed
/// strictly: the address as ``IPAddress`` reads it, a prefix of decimal digits within the
/// family's bits, and no bits set past the prefix (`10.0.0.1/8` is refused, not rounded). A
/// bare address is a range of one (/32 or /128). A range inside ::ffff:0:0/96 is made into
/// the IPv4 range it covers, as addresses are (see ``IPAddress``).
public struct CIDRRange: Sendable, Hashable, CustomStringConvertible {
    /// The first address of the range.
    public let address: IPAddress
    /// How many leading bits every address in the range shares with ``address``.
    public let prefixLength: Int

    /// Longer text is refused before it is looked at: no range needs more.
    static let maxTextBytes = 64

    /// Parses `text`; the error says what is wrong with it.
    public init(parsing text: String) throws(CIDRRangeError) {
        guard text.utf8.count <= Self.maxTextBytes else {
            throw CIDRRangeError(text: String(text.prefix(Self.maxTextBytes)) + "...", reason: "it is longer than any CIDR range")
        }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard !text.contains("%"), let parsed = IPAddress(parsing: String(parts[0])) else {
            throw CIDRRangeError(text: text, reason: "'\(parts[0])' is not an IPv4 or IPv6 address")
        }
        let written = String(parts[0]).contains(":") ? 128 : 32
        var length = written
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.count <= 3,
                  !(digits.count > 1 && digits.hasPrefix("0")), let value = Int(digits), value <= written else {
                throw CIDRRangeError(text: text, reason: "the prefix length must be a number from 0 to \(written), without leading zeros")
            }
            length = value
        }
        // A mapped IPv4 range: the address is already IPv4; its prefix loses the 96 bits before it.
        if written == 128, !parsed.isIPv6 {
            guard length >= 96 else {
                throw CIDRRangeError(text: text, reason: "a range in ::ffff:0:0/96 needs a prefix of 96 or more; write the IPv4 range instead")
            }
            length -= 96
        }
        let masked = Self.masked(parsed.bytes, to: length)
        guard masked == parsed.bytes else {
            let suggestion = CIDRRange(address: IPAddress(bytes: masked), prefixLength: length)
            throw CIDRRangeError(text: text, reason: "it has bits set after the prefix; did you mean \(suggestion)?")
        }
        address = parsed
        prefixLength = length
    }

    private init(address: IPAddress, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Whether `candidate` is in the range; an address of the other family never is.
    public func contains(_ candidate: IPAddress) -> Bool {
        candidate.bytes.count == address.bytes.count && Self.masked(candidate.bytes, to: prefixLength) == address.bytes
    }

    /// `bytes` with every bit after the first `length` cleared.
    private static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = min(8, max(0, length - index * 8))
            return byte & ~(UInt8(0xFF) >> UInt8(kept))
        }
    }

    /// "169.254.0.0/16".
    public var description: String { "\(address)/\(prefixLength)" }
}

/// A CIDR range that could not be parsed, and why.
public struct CIDRRangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was refused (cut short when it was very long).
    public let text: String
    /// What is wrong with it.
    public let reason: String

    /// "'10.0.0.1/8' is not a CIDR range: it has bits set after the prefix; did you mean 10.0.0.0/8?".
    public var description: String { "'\(text)' is not a CIDR range: \(reason)" }
}
