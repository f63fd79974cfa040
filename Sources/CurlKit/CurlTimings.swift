/// When each phase of a transfer's last hop ended, in milliseconds from the start of its name
/// lookup (curl's *_TIME_T values, moved by the lookup CurlKit does before curl starts). A
/// phase that never happened is 0. With redirects, only the last hop is described: each hop
/// is a transfer of its own (see ``CurlTransfer``).
package struct CurlTimings: Sendable, Equatable {
    /// Name resolution done.
    package var nameLookup: Double = 0
    /// TCP connection established.
    package var connect: Double = 0
    /// TLS handshake done (0 for plain HTTP).
    package var tlsHandshake: Double = 0
    /// First response byte received.
    package var firstByte: Double = 0
    /// Transfer over.
    package var total: Double = 0

    /// All zero.
    package init() {}

    /// Milliseconds spent in the TLS handshake alone, or nil when there was none.
    package var tlsMilliseconds: Double? {
        tlsHandshake > 0 ? max(0, tlsHandshake - connect) : nil
    }

    /// curl's timings for a hop whose host took `milliseconds` to resolve before curl
    /// started: every phase that happened moves that much later.
    func afterLookup(milliseconds: Double) -> CurlTimings {
        func moved(_ phase: Double) -> Double { phase > 0 ? phase + milliseconds : 0 }
        var timings = self
        timings.nameLookup += milliseconds
        timings.connect = moved(connect)
        timings.tlsHandshake = moved(tlsHandshake)
        timings.firstByte = moved(firstByte)
        timings.total += milliseconds
        return timings
    }
}
