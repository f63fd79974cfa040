import CCurl

/// Runs a libcurl call and turns any result but CURLE_OK into a ``CurlError``. Every
/// CURLcode-returning call in CurlKit goes through here, so curl's errors become Swift errors
/// in one place and read the same everywhere (as `syscall` does for errno).
///
/// `detail` is evaluated only on failure; pass the handle's error buffer for calls that fill it.
@inline(__always)
package func curlCall(
    _ function: @autoclosure () -> String,
    detail: @autoclosure () -> String = "",
    _ body: () -> CURLcode
) throws(CurlError) {
    let code = body()
    guard code != CURLE_OK else { return }
    throw CurlError(
        function: function(), code: code.rawValue, domain: .easy,
        reason: String(cString: curl_easy_strerror(code)), detail: detail()
    )
}

/// The same for the URL API, whose calls return a CURLUcode.
@inline(__always)
package func curlCall(_ function: @autoclosure () -> String, _ body: () -> CURLUcode) throws(CurlError) {
    let code = body()
    guard code != CURLUE_OK else { return }
    throw CurlError(function: function(), code: code.rawValue, domain: .url, reason: String(cString: curl_url_strerror(code)))
}
