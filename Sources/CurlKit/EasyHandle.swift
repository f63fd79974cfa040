import CCurl

/// One libcurl easy handle: a single transfer's options, its connection and its results.
///
/// Every option and info call goes through ``curlCall(_:detail:_:)``. A handle is used by one
/// thread at a time; ``EasyHandleCache`` keeps it between transfers, and its thread-exit
/// destructor may release it, which is why it is marked Sendable.
package final class EasyHandle: @unchecked Sendable {
    /// The `CURL *`.
    package let raw: UnsafeMutableRawPointer
    /// curl writes the specific reason for a failed transfer here (CURLOPT_ERRORBUFFER).
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Lists and other objects curl points into; they must live as long as the handle.
    private var retained: [AnyObject] = []

    /// A fresh handle with curl's defaults plus CURLOPT_NOSIGNAL, which multi-threaded
    /// programs need: without it a name lookup timeout uses SIGALRM and longjmp.
    package init() throws(CurlError) {
        guard let handle = curl_easy_init() else {
            throw CurlError(function: "curl_easy_init", code: CURLE_FAILED_INIT.rawValue, domain: .easy, reason: "curl_easy_init failed")
        }
        raw = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try setBaseOptions()
    }

    /// Returns every option to curl's default (plus this class's own), and lets go of the
    /// lists and sinks of the previous transfer. What curl_easy_reset keeps is the handle's
    /// internals, such as its DNS cache and the multi handle curl_easy_perform made for it;
    /// keeping those is the point of reusing a handle. It keeps no connection that a transfer
    /// with CURLOPT_FORBID_REUSE closed.
    package func reset() throws(CurlError) {
        curl_easy_reset(raw)
        retained.removeAll()
        try setBaseOptions()
    }

    private func setBaseOptions() throws(CurlError) {
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_NOSIGNAL, true)
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// What curl last wrote into the error buffer, or "".
    package var errorDetail: String { String(cString: errorBuffer) }

    /// Keeps `object` alive as long as this handle (for data curl points to but does not copy).
    package func retain(_ object: AnyObject) { retained.append(object) }

    /// Runs the transfer with the options set so far; blocks until it ends or times out.
    package func perform() throws(CurlError) {
        errorBuffer[0] = 0
        try curlCall("curl_easy_perform", detail: errorDetail) { curl_easy_perform(raw) }
    }
}
