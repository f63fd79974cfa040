import CCurl

/// Typed `curl_easy_setopt`: pick the overload matching the option's documented type.
extension EasyHandle {
    /// Sets a `long` option.
    package func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try curlCall(Self.name(option)) { bm_curl_setopt_long(raw, option, value) }
    }

    /// Sets a `long` option that is a flag (0 or 1).
    package func set(_ option: CURLoption, _ value: Bool) throws(CurlError) {
        try set(option, value ? 1 : 0)
    }

    /// Sets a string option; curl keeps its own copy (except CURLOPT_POSTFIELDS, so use
    /// CURLOPT_COPYPOSTFIELDS for bodies).
    package func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        try curlCall(Self.name(option)) { bm_curl_setopt_str(raw, option, value) }
    }

    /// Sets a `curl_off_t` option, such as CURLOPT_POSTFIELDSIZE_LARGE.
    package func set(_ option: CURLoption, offset value: Int64) throws(CurlError) {
        try curlCall(Self.name(option)) { bm_curl_setopt_off_t(raw, option, curl_off_t(value)) }
    }

    /// Sets a buffer option that curl copies (CURLOPT_COPYPOSTFIELDS); set its size option
    /// (CURLOPT_POSTFIELDSIZE_LARGE) first, since the bytes may contain NULs.
    package func set(_ option: CURLoption, copying bytes: [UInt8]) throws(CurlError) {
        // An empty array may have no storage; curl copies zero bytes from any valid pointer.
        let storage = bytes.isEmpty ? [0] : bytes
        try curlCall(Self.name(option)) {
            storage.withUnsafeBytes { bm_curl_setopt_ptr(raw, option, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
        }
    }

    /// Sets a list option (CURLOPT_HTTPHEADER, CURLOPT_MAIL_RCPT...) and keeps the list alive.
    package func set(_ option: CURLoption, _ list: HeaderList) throws(CurlError) {
        retain(list)
        try set(option, pointer: UnsafeMutableRawPointer(list.raw))
    }

    /// Sets a pointer option; the caller keeps the pointee alive while the handle may use it.
    package func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(CurlError) {
        try curlCall(Self.name(option)) { bm_curl_setopt_ptr(raw, option, value) }
    }

    /// Sets a callback shaped like `curl_write_callback` (CURLOPT_WRITEFUNCTION, _HEADERFUNCTION).
    package func set(_ option: CURLoption, writeFunction: curl_write_callback) throws(CurlError) {
        try curlCall(Self.name(option)) { bm_curl_setopt_write_func(raw, option, writeFunction) }
    }

    /// Sets a callback shaped like `curl_read_callback` (CURLOPT_READFUNCTION, for uploads).
    package func set(_ option: CURLoption, readFunction: curl_read_callback) throws(CurlError) {
        try curlCall(Self.name(option)) { bm_curl_setopt_read_func(raw, option, readFunction) }
    }

    /// "curl_easy_setopt(CURLOPT_URL)", for error messages; only evaluated on failure.
    static func name(_ option: CURLoption) -> String {
        let known = curl_easy_option_by_id(option).flatMap { $0.pointee.name }.map { String(cString: $0) }
        return "curl_easy_setopt(\(known.map { "CURLOPT_" + $0 } ?? String(option.rawValue)))"
    }
}
