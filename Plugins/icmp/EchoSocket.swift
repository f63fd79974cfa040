import BearmonSystem
import Glibc

/// A socket that sends ICMP echo requests to one address and receives the replies: an
/// unprivileged ICMP datagram ("ping") socket where `net.ipv4.ping_group_range` admits the
/// process's group, else a raw socket where the process has CAP_NET_RAW.
struct EchoSocket {
    /// Which kind of socket was opened.
    enum Kind: String, Sendable {
        /// SOCK_DGRAM: no privilege needed; the kernel owns the identifier and the checksum.
        case datagram = "ICMP datagram socket"
        /// SOCK_RAW: needs CAP_NET_RAW; sees every ICMP message, IPv4 ones with their IP header.
        case raw = "raw socket"
    }

    /// The connected socket.
    let socket: Socket
    /// How it was opened.
    let kind: Kind
    /// The target's family.
    let family: EchoFamily

    /// Opens a socket for echoes to `target` and connects it (which returns at once for
    /// these kinds), so that it hears only from the target. Throws ``EchoSocketError`` when
    /// neither kind is allowed.
    static func open(to target: SocketAddress, deadline: Deadline) throws -> EchoSocket {
        let family = EchoFamily(target)
        let (socket, kind) = try openPreferringDatagram(family)
        try socket.connect(to: target, deadline: deadline)
        return EchoSocket(socket: socket, kind: kind, family: family)
    }

    /// A datagram socket, else (when that is refused for lack of permission) a raw one.
    private static func openPreferringDatagram(_ family: EchoFamily) throws -> (Socket, Kind) {
        do {
            return (try Socket(family: family.addressFamily, type: Int32(SOCK_DGRAM.rawValue), protocol: family.protocolNumber), .datagram)
        } catch let datagramError as SystemError where isPermissionError(datagramError) {
            do {
                return (try Socket(family: family.addressFamily, type: Int32(SOCK_RAW.rawValue), protocol: family.protocolNumber), .raw)
            } catch let rawError as SystemError where isPermissionError(rawError) {
                throw EchoSocketError(datagram: datagramError, raw: rawError)
            }
        }
    }

    /// EACCES is what ping_group_range answers; EPERM is what a missing capability answers.
    private static func isPermissionError(_ error: SystemError) -> Bool {
        error.errno == EACCES || error.errno == EPERM
    }
}
