/// The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of
/// the data's 16-bit big-endian words. ICMPv4 requires it; raw ICMPv6 and ping sockets let
/// the kernel fill theirs in, and a value already there does no harm.
enum InternetChecksum {
    /// The checksum of `bytes`; an odd final byte is padded with a zero.
    static func compute(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count { sum += UInt32(bytes[index]) << 8 }
        while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }
}
