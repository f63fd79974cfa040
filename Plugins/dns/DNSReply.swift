import BearmonSystem
import CLDNS

/// A reply as ldns decoded it: the header bits the check judges, and the answer section in
/// presentation format.
struct DNSReply: Sendable {
    /// One answer record.
    struct Record: Sendable {
        /// The record's type.
        let type: ldns_rr_type
        /// The whole record in presentation format, fields separated by single spaces:
        /// "a.test. 300 IN A 1.2.3.4".
        let text: String
        /// The record as ldns prints it, with tabs between the fields, as gobearmon's
        /// miekg/dns printed it; kept so that an `expect` written for gobearmon still matches.
        let tabbedText: String
        /// Only the data fields, for example "1.2.3.4" or "\"v=spf1 -all\"".
        let data: String
    }

    /// The message id.
    let id: UInt16
    /// Whether the QR bit marks this as a response.
    let isResponse: Bool
    /// Whether the TC bit says the answer did not fit.
    let isTruncated: Bool
    /// The response code.
    let rcode: ldns_pkt_rcode
    /// The answer section, in order.
    let answers: [Record]

    /// Decodes `wire`; a message ldns cannot parse throws.
    init(wire: [UInt8]) throws(LDNSError) {
        var decoded: UnsafeMutablePointer<ldns_pkt>?
        try ldnsCall("decode the reply") { ldns_wire2pkt(&decoded, wire, wire.count) }
        guard let packet = decoded else { throw LDNSError(operation: "decode the reply", status: LDNS_STATUS_ERR) }
        defer { ldns_pkt_free(packet) }
        id = ldns_pkt_id(packet)
        isResponse = ldns_pkt_qr(packet)
        isTruncated = ldns_pkt_tc(packet)
        rcode = ldns_pkt_get_rcode(packet)
        let section = ldns_pkt_answer(packet)
        answers = (0..<ldns_rr_list_rr_count(section)).compactMap { index in
            ldns_rr_list_rr(section, index).map(Record.init)
        }
    }

    /// The response code's name, for example "NXDOMAIN".
    var rcodeName: String {
        guard let text = ldns_pkt_rcode2str(rcode) else { return "rcode \(rcode.rawValue)" }
        defer { cldns_free(text) }
        return String(cString: text)
    }
}

extension DNSReply.Record {
    init(_ rr: UnsafeMutablePointer<ldns_rr>) {
        type = ldns_rr_get_type(rr)
        tabbedText = Self.string(ldns_rr2str(rr)).trimmingWhitespace()
        text = tabbedText.split(separator: "\t", omittingEmptySubsequences: true).joined(separator: " ")
        data = (0..<ldns_rr_rd_count(rr)).map { Self.string(ldns_rdf2str(ldns_rr_rdf(rr, $0))) }.joined(separator: " ")
    }

    /// Takes ownership of a string ldns allocated.
    private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { cldns_free(pointer) }
        return String(cString: pointer)
    }
}
