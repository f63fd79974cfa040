/// What a ping run measured.
struct PingStatistics: Sendable {
    /// Requests sent (including those whose send failed).
    var sent = 0
    /// Requests whose send failed; no reply can come for them.
    var sendFailures = 0
    /// Round-trip times of the answered requests, in milliseconds, in arrival order.
    var rttMilliseconds: [Double] = []
    /// Sequence numbers answered, so that a duplicate reply counts once.
    var answered: Set<Int> = []
    /// The last send or receive error, for the message.
    var lastError: String?

    /// Replies received.
    var received: Int { rttMilliseconds.count }

    /// Whether the first five requests all failed to go out (no route, say): waiting out the
    /// budget could not bring a reply.
    var nothingGetsOut: Bool { received == 0 && sendFailures >= PingRun.replyCount && sendFailures == sent }

    /// Lost requests as a percentage of those sent; 100 when none were sent.
    var lossPercent: Double {
        sent == 0 ? 100 : Double(sent - received) * 100 / Double(sent)
    }

    /// Records the reply to `sequence`.
    mutating func record(sequence: Int, rttMilliseconds rtt: Double) {
        answered.insert(sequence)
        rttMilliseconds.append(rtt)
    }

    /// The fastest reply, or nil with none.
    var minimum: Double? { rttMilliseconds.min() }
    /// The mean round trip, or nil with none.
    var average: Double? { rttMilliseconds.isEmpty ? nil : rttMilliseconds.reduce(0, +) / Double(received) }
    /// The slowest reply, or nil with none.
    var maximum: Double? { rttMilliseconds.max() }
}
