import BearmonSystem
import Glibc

/// The per-family numbers of ICMP echo: IPv4's ICMP (RFC 792) or IPv6's ICMPv6 (RFC 4443).
enum EchoFamily: Sendable {
    case v4
    case v6

    /// The family of `address`.
    init(_ address: SocketAddress) {
        self = address.isIPv6 ? .v6 : .v4
    }

    /// AF_INET or AF_INET6.
    var addressFamily: Int32 { self == .v4 ? AF_INET : AF_INET6 }

    /// IPPROTO_ICMP or IPPROTO_ICMPV6.
    var protocolNumber: Int32 { self == .v4 ? Int32(IPPROTO_ICMP) : Int32(IPPROTO_ICMPV6) }

    /// The echo request's type: 8, or 128.
    var requestType: UInt8 { self == .v4 ? 8 : 128 }

    /// The echo reply's type: 0, or 129.
    var replyType: UInt8 { self == .v4 ? 0 : 129 }
}
