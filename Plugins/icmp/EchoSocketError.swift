import BearmonSystem
import Foundation

/// Neither an ICMP datagram socket nor a raw socket may be opened: the message says which
/// sysctl and which capability would allow one.
struct EchoSocketError: Error, CustomStringConvertible {
    /// Why the datagram socket was refused.
    let datagram: SystemError
    /// Why the raw socket was refused.
    let raw: SystemError

    var description: String {
        let range = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ping_group_range", encoding: .utf8))?
            .split(whereSeparator: \.isWhitespace).joined(separator: " ") ?? "unknown"
        return "cannot open an ICMP socket: ICMP datagram sockets are not allowed for group \(getegid())"
            + " (net.ipv4.ping_group_range = \"\(range)\"; \(datagram.reason)) and raw sockets need CAP_NET_RAW"
            + " (\(raw.reason)); allow the group with sysctl -w net.ipv4.ping_group_range=\"0 2147483647\""
            + " or grant the capability with setcap cap_net_raw+ep on the bearmon binary"
    }
}
