/// What came back from a transfer that completed (or that was stopped at the body cap).
public struct CurlResponse: Sendable {
    /// The last response's status code (after redirects, when they are followed).
    public var status: Int
    /// The body, at most the request's ``CurlRequest/bodyCap`` bytes.
    public var body: [UInt8]
    /// Whether the body went on past the cap and the transfer was stopped there.
    public var truncated: Bool
    /// How many redirects were followed.
    public var redirectCount: Int
    /// The URL of the last request, after redirects.
    public var effectiveURL: String
    /// When each phase ended.
    public var timings: CurlTimings

    /// A response from its parts.
    public init(status: Int, body: [UInt8], truncated: Bool, redirectCount: Int, effectiveURL: String, timings: CurlTimings) {
        self.status = status
        self.body = body
        self.truncated = truncated
        self.redirectCount = redirectCount
        self.effectiveURL = effectiveURL
        self.timings = timings
    }
}
