import CLDNS

/// One question in wire format, encoded by ldns, with the id its reply must carry.
struct DNSQuery: Sendable {
    /// The name asked about.
    let name: DNSName
    /// The type asked for.
    let type: ldns_rr_type
    /// The random message id, which a reply must echo.
    let id: UInt16
    /// The encoded message, without the TCP length prefix.
    let wire: [UInt8]

    /// Encodes a recursion-desired IN-class query for `name` and `type`. No EDNS option is
    /// sent, as gobearmon's client sent none, so answers over 512 bytes arrive truncated
    /// and are asked again over TCP.
    init(name: DNSName, type: ldns_rr_type) throws(LDNSError) {
        var owner: UnsafeMutablePointer<ldns_rdf>?
        try ldnsCall("parse the name \"\(name)\"") { ldns_str2rdf_dname(&owner, name.text) }
        // ldns_pkt_query_new takes ownership of `owner`; ldns_pkt_free releases both.
        guard let packet = ldns_pkt_query_new(owner, type, LDNS_RR_CLASS_IN, cldns_query_flags()) else {
            ldns_rdf_deep_free(owner)
            throw LDNSError(operation: "build the query", status: LDNS_STATUS_MEM_ERR)
        }
        defer { ldns_pkt_free(packet) }
        ldns_pkt_set_random_id(packet)
        var buffer: UnsafeMutablePointer<UInt8>?
        var size = 0
        try ldnsCall("encode the query") { ldns_pkt2wire(&buffer, packet, &size) }
        defer { cldns_free(buffer) }
        self.name = name
        self.type = type
        self.id = ldns_pkt_id(packet)
        self.wire = Array(UnsafeBufferPointer(start: buffer, count: size))
    }
}
