import NIOCore
import NIOEmbedded
import Testing
@testable import BearmonConfig
@testable import BearmonServer

/// The connection cap's rules, on channels that need no network: who is evicted, who is
/// refused, and that signed requests always find room.
@Suite("connection limiter")
struct ConnectionLimiterTests {
    private func limiter(max: Int) -> ConnectionLimiter {
        var settings = ServerSettings()
        settings.maxConnections = max
        return ConnectionLimiter(settings: settings, logger: quietLogger)
    }

    /// "refused", "admitted", or "admitted, evicting #i" with `i` the index in `channels`.
    private func outcome(_ admission: ConnectionLimiter.Admission, _ channels: [EmbeddedChannel] = []) -> String {
        guard case .admitted(let evicting) = admission else { return "refused" }
        guard let evicting else { return "admitted" }
        return "admitted, evicting #\(channels.firstIndex { $0 === evicting } ?? -1)"
    }

    @Test("past the cap a new connection replaces the oldest one waiting for a head; when all are busy it is refused")
    func eviction() {
        let limiter = limiter(max: 8)
        let channels = (0..<8).map { _ in EmbeddedChannel() }
        for channel in channels { #expect(outcome(limiter.admit(channel)) == "admitted") }
        // The oldest two are busy (one signed, one not): the third oldest is the one to go.
        #expect(limiter.beginRequest(on: channels[0], signed: true))
        #expect(limiter.beginRequest(on: channels[1], signed: false))
        let newcomer = EmbeddedChannel()
        #expect(outcome(limiter.admit(newcomer), channels) == "admitted, evicting #2")
        #expect(limiter.count == 8)
        // A connection back to waiting after its response is again the newest waiting one.
        limiter.endRequests(on: channels[1])
        let second = EmbeddedChannel()
        #expect(outcome(limiter.admit(second), channels) == "admitted, evicting #3")

        // Every connection busy: a new one is refused, and is not counted.
        let all = [channels[0], channels[1]] + Array(channels[4...]) + [newcomer, second]
        for channel in all where channel !== channels[0] { _ = limiter.beginRequest(on: channel, signed: true) }
        #expect(outcome(limiter.admit(EmbeddedChannel())) == "refused")
        #expect(limiter.count == 8)
        limiter.closed(channels[0])
        #expect(limiter.count == 7)
    }

    @Test("unsigned requests stop at the cap minus the reserve; signed ones still begin, and a finished one frees its place")
    func reserve() {
        let limiter = limiter(max: 16)
        #expect(limiter.openLimit == 12)
        let channels = (0..<16).map { _ in EmbeddedChannel() }
        for channel in channels { _ = limiter.admit(channel) }
        for channel in channels[0..<12] { #expect(limiter.beginRequest(on: channel, signed: false)) }
        #expect(!limiter.beginRequest(on: channels[12], signed: false))
        #expect(limiter.beginRequest(on: channels[13], signed: true))
        #expect(limiter.beginRequest(on: channels[14], signed: true))
        limiter.endRequests(on: channels[0])
        #expect(limiter.beginRequest(on: channels[12], signed: false))
        limiter.closed(channels[1])
        #expect(limiter.beginRequest(on: channels[15], signed: false))
    }
}
