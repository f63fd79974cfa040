import CCurl

extension CurlTransfer {
    /// The value of header `name` in the last response (the first, when it came more than
    /// once), or nil when it has none; read after ``perform()``.
    package func responseHeader(_ name: String) -> String? {
        var header: UnsafeMutablePointer<curl_header>?
        // A missing header is CURLHE_MISSING, an answer rather than a failure, so this call
        // does not go through curlCall.
        guard curl_easy_header(handle.raw, name, 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK, let value = header?.pointee.value else { return nil }
        return String(cString: value)
    }
}
