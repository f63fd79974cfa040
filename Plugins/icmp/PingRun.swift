import BearmonSystem
import Glibc

/// One run of gobearmon's ping (`ping -c 5 -w 10`): five echo requests, evenly spaced, then
/// replies awaited until all five are back or the budget ends.
struct PingRun {
    /// Requests per run, as gobearmon sent.
    static let requestCount = 5
    /// Upper bound on loop passes (each sends, reads one packet, or waits), so that a flood of
    /// unrelated ICMP traffic on a raw socket cannot keep the loop busy; the deadline ends it
    /// long before in practice.
    static let maxPasses = 10_000
    /// Bytes of random token in each request's payload; a reply must carry them back.
    static let tokenBytes = 8

    /// The socket the echoes go over.
    let echo: EchoSocket
    /// When the run ends, replies or not.
    let deadline: Deadline
    /// Identifies this run's requests on a raw socket, where every process sees every reply.
    let identifier = UInt16.random(in: .min ... .max)
    /// Proves a reply answers this run, not an earlier one or another process's.
    let token = (0..<tokenBytes).map { _ in UInt8.random(in: .min ... .max) }

    /// Sends the requests one interval apart (a second, or a tenth of a shorter budget, so
    /// that all five are out by 40% of it) and gathers the replies.
    func run() -> PingStatistics {
        let start = Deadline.now()
        let intervalMs = max(1, min(1000, Int64(deadline.milliseconds(since: start) / 10)))
        var statistics = PingStatistics()
        var sentAt: [Deadline] = []
        for _ in 0..<Self.maxPasses {
            // Done when every request is answered or failed to go out: nothing else can come.
            if statistics.settled == Self.requestCount || deadline.hasPassed { break }
            let nextDue = start.adding(milliseconds: intervalMs * Int64(sentAt.count))
            if sentAt.count < Self.requestCount, nextDue.hasPassed {
                sentAt.append(Deadline.now())
                send(sequence: sentAt.count - 1, into: &statistics)
                continue
            }
            let waitUntil = sentAt.count < Self.requestCount ? Deadline.earliest(nextDue, deadline) : deadline
            guard let reply = receive(until: waitUntil, into: &statistics) else { continue }
            let sequence = Int(reply.sequence)
            if sequence < sentAt.count, !statistics.answered.contains(sequence) {
                statistics.record(sequence: sequence, rttMilliseconds: Deadline.now().milliseconds(since: sentAt[sequence]))
            }
        }
        return statistics
    }
}
