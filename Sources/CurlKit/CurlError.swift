import BearmonSystem
import CCurl

/// A libcurl call that did not succeed: which call, curl's code, and curl's own words.
///
/// `detail` is what curl wrote into the handle's error buffer ("Failed to connect to
/// 127.0.0.1 port 1 after 0 ms: Connection refused"); it is more specific than `reason`,
/// which is the generic text for `code` ("Couldn't connect to server").
package struct CurlError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Which API family the code comes from: the two have separate numbering.
    package enum Domain: Sendable, Equatable {
        /// A CURLcode, from the easy and global interfaces.
        case easy
        /// A CURLUcode, from the URL API.
        case url
    }

    /// The libcurl function (and option, where it helps) that failed, e.g. "curl_easy_perform".
    package let function: String
    /// The numeric CURLcode or CURLUcode.
    package let code: UInt32
    /// Which numbering `code` belongs to.
    package let domain: Domain
    /// libcurl's generic text for `code`.
    package let reason: String
    /// The handle's error buffer at the time, or "" when curl left none.
    package let detail: String
    /// Set when the request's ``EgressPolicy`` refused the connection: nothing was sent to
    /// the address, and no retry can reach it while the rule stands.
    package let egressRefusal: EgressRefusal?

    /// Creates an error from its parts; use ``curlCall(_:detail:_:)`` rather than this.
    package init(function: String, code: UInt32, domain: Domain, reason: String, detail: String = "", egressRefusal: EgressRefusal? = nil) {
        self.function = function
        self.code = code
        self.domain = domain
        self.reason = reason
        self.detail = detail
        self.egressRefusal = egressRefusal
    }

    /// An error for a step CurlKit takes in curl's place (resolving a host, following a
    /// redirect), with the code curl gives the same failure, so that callers sort it as they
    /// would curl's own. `detail` says what happened.
    static func local(_ code: CURLcode, function: String, detail: String) -> CurlError {
        CurlError(function: function, code: code.rawValue, domain: .easy, reason: String(cString: curl_easy_strerror(code)), detail: detail)
    }

    /// The error for a connection to `host` that `refusal` forbade; curl's code for it is
    /// CURLE_COULDNT_CONNECT, and the detail is the rule ("HOST: ADDRESS is denied by ...").
    static func refused(_ refusal: EgressRefusal, host: String) -> CurlError {
        let detail = AddressResolver.isLiteral(host) ? refusal.reason : "\(host): \(refusal.reason)"
        return CurlError(
            function: "EgressPolicy.approve", code: CURLE_COULDNT_CONNECT.rawValue, domain: .easy,
            reason: String(cString: curl_easy_strerror(CURLE_COULDNT_CONNECT)), detail: detail, egressRefusal: refusal
        )
    }

    /// Whether this is `code` from the easy interface.
    package func `is`(_ code: CURLcode) -> Bool { domain == .easy && self.code == code.rawValue }

    /// Whether the transfer ran out of time (CURLE_OPERATION_TIMEDOUT).
    package var isTimeout: Bool { self.is(CURLE_OPERATION_TIMEDOUT) }

    /// The most specific words curl gave: the error buffer, else the code's text.
    package var message: String { detail.isEmpty ? reason : detail }

    /// "curl_easy_perform: Failed to connect to ... (curl code 7)".
    package var description: String { "\(function): \(message) (curl \(domain == .url ? "URL " : "")code \(code))" }
}
