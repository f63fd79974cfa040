import BearmonSystem
import Glibc

/// One run of gobearmon's ping, `ping -c 5 -w 10`: a request each interval until five replies
/// are back or the budget ends, so lost requests are made up for while time remains, and loss
/// is counted over the requests sent.
struct PingRun {
    /// Replies that end a run, as `ping -c 5` waits for.
    static let replyCount = 5
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

    /// Sends a request each interval (a second, as ping does, or a tenth of a shorter budget)
    /// and gathers the replies, until five are back or the deadline passes.
    func run() -> PingStatistics {
        let start = Deadline.now()
        let intervalMs = max(1, min(1000, Int64(deadline.milliseconds(since: start) / 10)))
        var statistics = PingStatistics()
        var sentAt: [Deadline] = []
        for _ in 0..<Self.maxPasses {
            if statistics.received >= Self.replyCount || deadline.hasPassed || statistics.nothingGetsOut { break }
            let nextDue = start.adding(milliseconds: intervalMs * Int64(sentAt.count))
            if nextDue.hasPassed {
                sentAt.append(Deadline.now())
                send(sequence: sentAt.count - 1, into: &statistics)
                continue
            }
            guard let reply = receive(until: Deadline.earliest(nextDue, deadline), into: &statistics) else { continue }
            let sequence = Int(reply.sequence)
            if sequence < sentAt.count, !statistics.answered.contains(sequence) {
                statistics.record(sequence: sequence, rttMilliseconds: Deadline.now().milliseconds(since: sentAt[sequence]))
            }
        }
        return statistics
    }
}
