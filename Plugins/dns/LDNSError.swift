import CLDNS

/// An ldns call that did not return `LDNS_STATUS_OK`, in ldns's own words.
struct LDNSError: Error, CustomStringConvertible {
    /// What the plugin was doing, for example "parse the name".
    let operation: String
    /// ldns's status code.
    let status: ldns_status

    var description: String {
        let reason = ldns_get_errorstr_by_id(status).map { String(cString: $0) } ?? "ldns status \(status.rawValue)"
        return "\(operation): \(reason)"
    }
}

/// Runs an ldns call that reports a status code. Every such call in the plugin goes through
/// here, so a failure always becomes an ``LDNSError`` that says what was being done.
func ldnsCall(_ operation: @autoclosure () -> String, _ body: () -> ldns_status) throws(LDNSError) {
    let status = body()
    guard status == LDNS_STATUS_OK else { throw LDNSError(operation: operation(), status: status) }
}
