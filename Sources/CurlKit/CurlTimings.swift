/// When each phase of a transfer ended, in milliseconds from its start (curl's *_TIME_T
/// values). A phase that never happened is 0; with redirects, curl sums all the requests.
public struct CurlTimings: Sendable, Equatable {
    /// Name resolution done.
    public var nameLookup: Double = 0
    /// TCP connection established.
    public var connect: Double = 0
    /// TLS handshake done (0 for plain HTTP).
    public var tlsHandshake: Double = 0
    /// First response byte received.
    public var firstByte: Double = 0
    /// Transfer over.
    public var total: Double = 0

    /// All zero.
    public init() {}

    /// Milliseconds spent in the TLS handshake alone, or nil when there was none.
    public var tlsMilliseconds: Double? {
        tlsHandshake > 0 ? max(0, tlsHandshake - connect) : nil
    }
}
