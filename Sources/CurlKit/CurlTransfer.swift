import BearmonSystem
import CCurl

/// One request on its own easy handle: build it, perform it hop by hop, read the response.
///
/// curl neither resolves names nor follows redirects here (CURLOPT_FOLLOWLOCATION is off).
/// Each hop's host is resolved by ``HopAddresses`` within the request's deadline and approved
/// by its ``EgressPolicy`` before curl connects, and ``ConnectGuard`` asks the policy again
/// about the address of every socket curl opens; a redirect is read from
/// CURLINFO_REDIRECT_URL and becomes the next hop by ``CurlRequest``'s redirect rules. So a
/// silent nameserver costs a transfer no more than its deadline, on the first hop or any
/// later one.
///
/// After a failed ``perform()``, ``timings`` still tell how far the last hop got (connected?
/// first byte?), which is what a timeout message needs.
package final class CurlTransfer {
    private let request: CurlRequest
    private let firstURL: CurlURL
    /// The hop being performed: the request, or what a redirect made of it.
    private var hop: CurlRequest
    private var hopURL: CurlURL
    let handle: EasyHandle
    private var sink: BodySink
    /// How long resolving the current hop's host took, in milliseconds.
    private var lookupMilliseconds = 0.0

    /// Prepares a transfer for `request` on this thread's cached handle, which goes back to
    /// the cache when the transfer is released (see ``EasyHandleCache``), so use a transfer on
    /// the thread that made it. An error here is a setup problem (a URL curl cannot parse, an
    /// option this libcurl refuses), not a problem with the target. `parsed` is the request's
    /// URL as the caller already parsed it, if it did: a URL parse is a few percent of an http
    /// check. One parsed from other text is ignored, and the request's URL parsed again.
    package init(_ request: CurlRequest, parsed: CurlURL? = nil) throws(CurlError) {
        self.request = request
        if let parsed, parsed.text == request.url { firstURL = parsed } else { firstURL = try CurlURL(parsing: request.url) }
        hop = request
        hopURL = firstURL
        let handle = try EasyHandleCache.take()
        self.handle = handle
        sink = Self.sink(for: request, on: handle)
        // From here on, a throw still runs deinit, which gives the handle back.
        try sink.install(on: handle)
        try handle.apply(request)
    }

    /// A body sink for `request` on `handle`, which drops the bodies of redirects it follows.
    private static func sink(for request: CurlRequest, on handle: EasyHandle) -> BodySink {
        // Unowned: the handle keeps its sink alive, not the other way round.
        BodySink(cap: request.bodyCap) { [unowned handle] in
            request.followRedirects && CurlRequest.redirectStatuses.contains((try? handle.info(long: CURLINFO_RESPONSE_CODE)) ?? 0)
        }
    }

    deinit { EasyHandleCache.give(handle) }

    /// Runs the transfer until the last hop's response is complete, the body cap is reached,
    /// an error occurs or the request's deadline passes. An error here concerns the target.
    package func perform() throws(CurlError) -> CurlResponse {
        var redirects = 0
        while true {
            let status = try performHop()
            guard request.followRedirects, let next = try nextHop(after: status) else {
                return CurlResponse(
                    status: status, body: sink.bytes, truncated: sink.truncated, redirectCount: redirects,
                    effectiveURL: try handle.info(string: CURLINFO_EFFECTIVE_URL) ?? hop.url, timings: timings
                )
            }
            guard redirects < request.maxRedirects else {
                throw CurlError.local(CURLE_TOO_MANY_REDIRECTS, function: "CurlTransfer.perform", detail: "stopped after \(redirects) redirects")
            }
            redirects += 1
            try start(next.request, at: next.url)
        }
    }

    /// Resolves the hop's host, then lets curl run it with what is left of the deadline.
    private func performHop() throws(CurlError) -> Int {
        let started = Deadline.now()
        let addresses = try HopAddresses(hopURL, for: hop)
        lookupMilliseconds = Deadline.now().milliseconds(since: started)
        try addresses.install(on: handle)
        let connectGuard = hop.egressPolicy.map { ConnectGuard(policy: $0, host: hopURL.connectHost) }
        try connectGuard?.install(on: handle)
        let left = hop.deadline.remainingMilliseconds
        guard left > 0 else {
            throw CurlError.local(CURLE_OPERATION_TIMEDOUT, function: "CurlTransfer.perform", detail: "the deadline passed while resolving \(hopURL.host)")
        }
        try handle.set(CURLOPT_TIMEOUT_MS, Int(left))
        do throws(CurlError) {
            try handle.perform()
        } catch where error.is(CURLE_WRITE_ERROR) && sink.truncated {
            // The sink stopped the transfer at the cap on purpose: the response is good.
        } catch {
            if let refusal = connectGuard?.refusal { throw CurlError.refused(refusal, host: hopURL.connectHost) }
            throw error
        }
        return try handle.info(long: CURLINFO_RESPONSE_CODE)
    }

    /// The hop a `status` response redirects to, or nil when it is not a redirect to follow.
    /// A Location with a scheme the request does not allow is refused, as curl refuses it.
    private func nextHop(after status: Int) throws(CurlError) -> (request: CurlRequest, url: CurlURL)? {
        guard CurlRequest.redirectStatuses.contains(status), let location = try handle.info(string: CURLINFO_REDIRECT_URL) else { return nil }
        let url = try CurlURL(parsing: location)
        guard request.allows(scheme: url.scheme) else {
            throw CurlError.local(
                CURLE_UNSUPPORTED_PROTOCOL, function: "CurlTransfer.perform",
                detail: "refused a redirect from \(hopURL.host) to a \(url.scheme):// URL (allowed: \(request.allowedProtocols))"
            )
        }
        return (hop.redirected(status: status, to: url, first: request, firstURL: firstURL), url)
    }

    /// Sets the handle up afresh for the next hop, with a new sink for its body.
    private func start(_ next: CurlRequest, at url: CurlURL) throws(CurlError) {
        hop = next
        hopURL = url
        lookupMilliseconds = 0
        try handle.reset()
        sink = Self.sink(for: request, on: handle)
        try sink.install(on: handle)
        try handle.apply(next)
    }

    /// How far the last hop got, counted from the start of its name lookup; see
    /// ``CurlTimings``. Earlier hops are not included.
    package var timings: CurlTimings { handle.timings.afterLookup(milliseconds: lookupMilliseconds) }

    /// The last status code the server sent, or 0 before any: an HTTP status, or an SMTP
    /// reply code, which after a failed submission tells a refusal for good (5xx) from one
    /// for now (4xx).
    package var replyCode: Int { (try? handle.info(long: CURLINFO_RESPONSE_CODE)) ?? 0 }
}
