import BearmonSystem
import CLDNS

extension Nameserver {
    /// The first nameserver of the system resolver, as ldns reads /etc/resolv.conf (with
    /// its `port` when one is set, else 53).
    static func systemDefault() throws -> HostPort {
        var resolver: UnsafeMutablePointer<ldns_resolver>?
        do {
            try ldnsCall("read /etc/resolv.conf") { ldns_resolver_new_frm_file(&resolver, nil) }
        } catch {
            throw NameserverError(reason: "no server given and \(error); set 'server' or [dns] server")
        }
        defer { ldns_resolver_deep_free(resolver) }
        guard let resolver, ldns_resolver_nameserver_count(resolver) > 0,
              let first = ldns_resolver_nameservers(resolver)?.pointee,
              let text = ldns_rdf2str(first) else {
            throw NameserverError(reason: "no server given and /etc/resolv.conf names no nameserver; set 'server' or [dns] server")
        }
        defer { cldns_free(text) }
        return HostPort(host: String(cString: text), port: ldns_resolver_port(resolver))
    }
}
