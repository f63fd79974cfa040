import CLDNS

/// The record types a dns check may ask for: gobearmon's list, plus CNAME.
enum DNSRecordType: String, CaseIterable, Sendable {
    case a = "A"
    case aaaa = "AAAA"
    case ns = "NS"
    case soa = "SOA"
    case ptr = "PTR"
    case mx = "MX"
    case txt = "TXT"
    case srv = "SRV"
    case spf = "SPF"
    case cname = "CNAME"

    /// The type named `text`, in any case ("mx", "Mx" and "MX" are the same).
    init?(named text: String) {
        self.init(rawValue: text.uppercased())
    }

    /// The type as ldns numbers it.
    var ldnsType: ldns_rr_type {
        switch self {
        case .a: LDNS_RR_TYPE_A
        case .aaaa: LDNS_RR_TYPE_AAAA
        case .ns: LDNS_RR_TYPE_NS
        case .soa: LDNS_RR_TYPE_SOA
        case .ptr: LDNS_RR_TYPE_PTR
        case .mx: LDNS_RR_TYPE_MX
        case .txt: LDNS_RR_TYPE_TXT
        case .srv: LDNS_RR_TYPE_SRV
        case .spf: LDNS_RR_TYPE_SPF
        case .cname: LDNS_RR_TYPE_CNAME
        }
    }
}
