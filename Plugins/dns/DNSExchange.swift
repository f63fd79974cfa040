import BearmonSystem
import CLDNS

/// Asks one nameserver one question: over UDP first, sent again each second while
/// unanswered, and over TCP when the UDP answer comes back truncated. Every wait ends at
/// `deadline`; a timeout surfaces as ETIMEDOUT.
struct DNSExchange {
    /// How long an unanswered UDP query waits before it is sent again, so that one lost
    /// datagram costs a second rather than the whole check.
    static let resendMilliseconds: Int64 = 1000
    /// Upper bound on UDP sends; the deadline (at most 30 s) ends the loop well before it.
    static let maxSends = 64
    /// Upper bound on datagrams read per send, so that a flood of stray datagrams cannot
    /// keep the loop spinning; the query is simply sent again.
    static let maxDatagramsPerSend = 256

    /// The nameserver's address.
    let server: SocketAddress
    /// When the exchange gives up.
    let deadline: Deadline

    /// The reply to `query`, and whether it had to come over TCP.
    func ask(_ query: DNSQuery) throws -> (reply: DNSReply, overTCP: Bool) {
        let reply = try overUDP(query)
        guard reply.isTruncated else { return (reply, false) }
        do {
            return (try overTCP(query), true)
        } catch {
            throw DNSExchangeError.tcpRetryFailed(error)
        }
    }

    /// Whether `reply` answers `query`: the same id, with the QR bit set.
    func answers(_ reply: DNSReply, _ query: DNSQuery) -> Bool {
        reply.id == query.id && reply.isResponse
    }

    /// The largest DNS message, which sizes receive buffers.
    static var maxMessageBytes: Int { Int(cldns_max_message_size()) }
}
