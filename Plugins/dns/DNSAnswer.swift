import CLDNS

/// What a dns check judges: the reply's code and the answer records that count.
struct DNSAnswer {
    /// The question asked.
    let question: DNSQuestion
    /// The reply the records came from.
    let reply: DNSReply
    /// The answer records that count; for SPF found in TXT, only the "v=spf1" ones.
    let records: [DNSReply.Record]
    /// Whether a truncated UDP answer was asked again over TCP.
    let overTCP: Bool
    /// Whether SPF records were looked for in TXT records.
    var spfFromTXT = false

    /// Whether the server said NOERROR.
    var isNoError: Bool { reply.rcode == LDNS_RCODE_NOERROR }

    /// Whether the server said NXDOMAIN.
    var isNXDomain: Bool { reply.rcode == LDNS_RCODE_NXDOMAIN }
}
