import BearmonSystem
import CLDNS

/// A domain name as the check asks for it: fully qualified, and accepted by ldns's parser.
struct DNSName: CustomStringConvertible, Sendable {
    /// The name with its trailing dot, for example "a.test.".
    let text: String

    /// Parses `text`; a missing trailing dot is added, as gobearmon's `dns.Fqdn` does.
    init(parsing text: String) throws(LDNSError) {
        let trimmed = text.trimmingWhitespace()
        let qualified = trimmed.hasSuffix(".") ? trimmed : trimmed + "."
        var parsed: UnsafeMutablePointer<ldns_rdf>?
        try ldnsCall("parse the name \"\(trimmed)\"") { ldns_str2rdf_dname(&parsed, qualified) }
        ldns_rdf_deep_free(parsed)
        self.text = qualified
    }

    var description: String { text }
}
