/// An ICMP or ICMPv6 echo request or reply: type, code, checksum, identifier, sequence
/// number, then the payload, which a reply carries back unchanged.
struct EchoMessage: Equatable, Sendable {
    /// The ICMP type (see ``EchoFamily``).
    let type: UInt8
    /// The identifier. A ping socket overwrites it with its own and routes replies by it.
    let identifier: UInt16
    /// The sequence number.
    let sequence: UInt16
    /// The data after the 8-byte header.
    let payload: [UInt8]

    /// The size of the ICMP echo header.
    static let headerBytes = 8

    /// The message on the wire, with its checksum.
    var encoded: [UInt8] {
        var bytes: [UInt8] = [type, 0, 0, 0, UInt8(identifier >> 8), UInt8(identifier & 0xff), UInt8(sequence >> 8), UInt8(sequence & 0xff)]
        bytes += payload
        let checksum = InternetChecksum.compute(bytes)
        bytes[2] = UInt8(checksum >> 8)
        bytes[3] = UInt8(checksum & 0xff)
        return bytes
    }

    /// Creates a message.
    init(type: UInt8, identifier: UInt16, sequence: UInt16, payload: [UInt8]) {
        self.type = type
        self.identifier = identifier
        self.sequence = sequence
        self.payload = payload
    }

    /// Reads the ICMP message in `packet`; nil when it is too short. With `hasIPv4Header`
    /// (what a raw IPv4 socket returns), the IP header, of IHL words, is skipped first.
    init?(parsing packet: [UInt8], hasIPv4Header: Bool) {
        var start = 0
        if hasIPv4Header {
            guard let first = packet.first, first >> 4 == 4 else { return nil }
            start = Int(first & 0x0f) * 4
        }
        guard packet.count >= start + Self.headerBytes else { return nil }
        let bytes = packet[start...]
        let word = { (offset: Int) in UInt16(bytes[start + offset]) << 8 | UInt16(bytes[start + offset + 1]) }
        type = bytes[start]
        identifier = word(4)
        sequence = word(6)
        payload = Array(bytes[(start + Self.headerBytes)...])
    }
}
