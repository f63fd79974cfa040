import CCurl

/// One request on its own easy handle: build it, perform it, read the response.
///
/// After a failed ``perform()``, ``timings`` still tell how far the transfer got (connected?
/// first byte?), which is what a timeout message needs.
public final class CurlTransfer {
    /// The handle; exposed so callers can set options CurlRequest does not cover yet. It goes
    /// back to the cache with the transfer: don't keep it.
    public let handle: EasyHandle
    private let sink: BodySink
    private let request: CurlRequest

    /// Prepares a transfer for `request` on this thread's cached handle, which goes back to
    /// the cache when the transfer is released (see ``EasyHandleCache``), so use a transfer on
    /// the thread that made it. An error here is a setup problem (an option this libcurl
    /// refuses), not a problem with the target. The deadline is read now, so prepare right
    /// before performing.
    public init(_ request: CurlRequest) throws(CurlError) {
        self.request = request
        handle = try EasyHandleCache.take()
        sink = BodySink(cap: request.bodyCap)
        // From here on, a throw still runs deinit, which gives the handle back.
        try sink.install(on: handle)
        try handle.apply(request)
    }

    deinit { EasyHandleCache.give(handle) }

    /// Runs the transfer until the response is complete, the body cap is reached, an error
    /// occurs or the request's deadline passes. An error here concerns the target.
    public func perform() throws(CurlError) -> CurlResponse {
        do throws(CurlError) {
            try handle.perform()
        } catch where error.is(CURLE_WRITE_ERROR) && sink.truncated {
            // The sink stopped the transfer at the cap on purpose: the response is good.
        }
        return CurlResponse(
            status: try handle.info(long: CURLINFO_RESPONSE_CODE),
            body: sink.bytes,
            truncated: sink.truncated,
            redirectCount: try handle.info(long: CURLINFO_REDIRECT_COUNT),
            effectiveURL: try handle.info(string: CURLINFO_EFFECTIVE_URL) ?? request.url,
            timings: timings
        )
    }

    /// How far the transfer got; see ``CurlTimings``.
    public var timings: CurlTimings { handle.timings }

    /// The last status code the server sent, or 0 before any: an HTTP status, or an SMTP
    /// reply code, which after a failed submission tells a refusal for good (5xx) from one
    /// for now (4xx).
    public var replyCode: Int { (try? handle.info(long: CURLINFO_RESPONSE_CODE)) ?? 0 }
}
