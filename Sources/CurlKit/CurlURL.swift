import CCurl

/// A URL as libcurl parses it (the URL API, CURLU), so that what is validated is exactly what
/// a transfer will use.
public struct CurlURL: Sendable {
    /// The URL as given.
    public let text: String
    /// The scheme, lower-cased by curl ("http", "https").
    public let scheme: String
    /// The host name or address, as written in the URL.
    public let host: String
    /// The URL without any password, safe for messages and logs.
    public let redacted: String

    /// Parses `text`, which must be an absolute URL with a scheme and a host.
    public init(parsing text: String) throws(CurlError) {
        guard let handle = curl_url() else {
            throw CurlError(function: "curl_url", code: CURLUE_OUT_OF_MEMORY.rawValue, domain: .url, reason: "out of memory")
        }
        defer { curl_url_cleanup(handle) }
        try curlCall("curl_url_set") { curl_url_set(handle, CURLUPART_URL, text, 0) }
        self.text = text
        scheme = try Self.part(handle, CURLUPART_SCHEME) ?? ""
        host = try Self.part(handle, CURLUPART_HOST) ?? ""
        try curlCall("curl_url_set") { curl_url_set(handle, CURLUPART_PASSWORD, nil, 0) }
        redacted = try Self.part(handle, CURLUPART_URL) ?? text
    }

    /// One part of the parsed URL, or nil when the URL has none.
    private static func part(_ handle: OpaquePointer, _ which: CURLUPart) throws(CurlError) -> String? {
        var out: UnsafeMutablePointer<CChar>?
        let code = curl_url_get(handle, which, &out, 0)
        defer { curl_free(out) }
        switch code {
        case CURLUE_NO_SCHEME, CURLUE_NO_HOST, CURLUE_NO_PASSWORD: return nil
        default:
            try curlCall("curl_url_get") { code }
            return out.map { String(cString: $0) }
        }
    }
}
