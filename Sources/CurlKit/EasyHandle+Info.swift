import CCurl

/// Typed `curl_easy_getinfo`, for reading a transfer's results.
extension EasyHandle {
    /// A CURLINFO_LONG item, such as CURLINFO_RESPONSE_CODE.
    package func info(long item: CURLINFO) throws(CurlError) -> Int {
        var value = 0
        try curlCall(Self.name(item)) { bm_curl_getinfo_long(raw, item, &value) }
        return value
    }

    /// A CURLINFO_OFF_T item, such as CURLINFO_TOTAL_TIME_T (microseconds).
    package func info(offset item: CURLINFO) throws(CurlError) -> Int64 {
        var value: curl_off_t = 0
        try curlCall(Self.name(item)) { bm_curl_getinfo_off_t(raw, item, &value) }
        return Int64(value)
    }

    /// A CURLINFO_DOUBLE item.
    package func info(double item: CURLINFO) throws(CurlError) -> Double {
        var value = 0.0
        try curlCall(Self.name(item)) { bm_curl_getinfo_double(raw, item, &value) }
        return value
    }

    /// A CURLINFO_STRING item, such as CURLINFO_EFFECTIVE_URL, or nil when curl has none.
    package func info(string item: CURLINFO) throws(CurlError) -> String? {
        var value: UnsafePointer<CChar>?
        try curlCall(Self.name(item)) { bm_curl_getinfo_str(raw, item, &value) }
        return value.map { String(cString: $0) }
    }

    static func name(_ item: CURLINFO) -> String { "curl_easy_getinfo(\(item.rawValue))" }
}
