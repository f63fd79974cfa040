import BearmonSystem
import CCurl

/// A URL as libcurl parses it (the URL API, CURLU), so that what is validated is exactly what
/// a transfer will use.
package struct CurlURL: Sendable {
    /// The URL as given.
    package let text: String
    /// The scheme, lower-cased by curl ("http", "https").
    package let scheme: String
    /// The host name or address, as written in the URL (an IPv6 literal in brackets).
    package let host: String
    /// The port the URL names, or its scheme's default (0 for a scheme curl does not know).
    package let port: UInt16
    /// The host as curl connects to it: an international name in its ASCII (punycode) form,
    /// lower-cased, an IPv6 literal without brackets. This is the name to resolve.
    package let connectHost: String
    /// The URL with its userinfo and credential-like query values masked (``SecretMask``),
    /// safe for messages and logs.
    package let redacted: String

    /// Parses `text`, which must be an absolute URL with a scheme and a host.
    package init(parsing text: String) throws(CurlError) {
        guard let handle = curl_url() else {
            throw CurlError(function: "curl_url", code: CURLUE_OUT_OF_MEMORY.rawValue, domain: .url, reason: "out of memory")
        }
        defer { curl_url_cleanup(handle) }
        try curlCall("curl_url_set") { curl_url_set(handle, CURLUPART_URL, text, 0) }
        self.text = text
        scheme = try Self.part(handle, CURLUPART_SCHEME) ?? ""
        host = try Self.part(handle, CURLUPART_HOST) ?? ""
        port = UInt16(try Self.part(handle, CURLUPART_PORT, flags: CURLU_DEFAULT_PORT) ?? "") ?? 0
        let ascii = host.utf8.allSatisfy { $0 < 0x80 } ? host : try Self.part(handle, CURLUPART_HOST, flags: CURLU_PUNYCODE) ?? host
        connectHost = ascii.hasPrefix("[") && ascii.hasSuffix("]") ? String(ascii.dropFirst().dropLast()).lowercased() : ascii.lowercased()
        try curlCall("curl_url_set") { curl_url_set(handle, CURLUPART_PASSWORD, nil, 0) }
        redacted = SecretMask.url(try Self.part(handle, CURLUPART_URL) ?? text)
    }

    /// One part of the parsed URL, or nil when the URL has none.
    private static func part(_ handle: OpaquePointer, _ which: CURLUPart, flags: Int32 = 0) throws(CurlError) -> String? {
        var out: UnsafeMutablePointer<CChar>?
        let code = curl_url_get(handle, which, &out, UInt32(flags))
        defer { curl_free(out) }
        switch code {
        case CURLUE_NO_SCHEME, CURLUE_NO_HOST, CURLUE_NO_PASSWORD, CURLUE_NO_PORT: return nil
        default:
            try curlCall("curl_url_get") { code }
            return out.map { String(cString: $0) }
        }
    }

    /// "scheme://host:port", the part a redirect must keep for credentials to go along.
    package var origin: String { "\(scheme)://\(connectHost):\(port)" }
}
