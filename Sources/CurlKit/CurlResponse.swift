/// What came back from a transfer that completed (or that was stopped at the body cap).
package struct CurlResponse: Sendable {
    /// The last response's status code (after redirects, when they are followed).
    package var status: Int
    /// The body, at most the request's ``CurlRequest/bodyCap`` bytes.
    package var body: [UInt8]
    /// Whether the body went on past the cap and the transfer was stopped there.
    package var truncated: Bool
    /// How many redirects were followed.
    package var redirectCount: Int
    /// The URL of the last request, after redirects.
    package var effectiveURL: String
    /// When each phase ended.
    package var timings: CurlTimings

    /// A response from its parts.
    package init(status: Int, body: [UInt8], truncated: Bool, redirectCount: Int, effectiveURL: String, timings: CurlTimings) {
        self.status = status
        self.body = body
        self.truncated = truncated
        self.redirectCount = redirectCount
        self.effectiveURL = effectiveURL
        self.timings = timings
    }
}
