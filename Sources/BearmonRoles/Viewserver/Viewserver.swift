import BearmonCore
package import BearmonWire
package import Logging

/// Picks the active controller and grants it the view as a lease: it pings every candidate
/// about every `pingInterval`, renewing the holder's lease with each ping, and hands out a new
/// view (a higher number, to the live candidate with the longest uptime, as gobearmon does)
/// only after the old lease has surely run out. After a restart it learns the highest view and
/// the current holder from the candidates' replies, and keeps that holder if it is healthy.
package actor Viewserver {
    /// The current grant.
    struct Grant: Equatable {
        var view: Int64
        var controller: String
        /// When (monotonic) a ping carrying this grant was last sent: the candidate may have
        /// received it even if its reply was lost.
        var lastSent: Int64
        /// Set when the holder stopped answering: pings no longer carry the grant, so it runs out.
        var revoking: Bool
        /// When (monotonic) the grant was made.
        var granted: Int64
    }

    let candidates: [String]
    let client: NodeClient
    let settings: LeaseSettings
    let logger: Logger
    let started = monotonicMilliseconds()
    /// Each candidate's last reply and when it came (monotonic).
    var replies: [String: (reply: PingReply, at: Int64)] = [:]
    var grant: Grant?
    var highestView: Int64 = 0
    /// Each failing candidate's last failure, so that a new reason is logged once.
    var failures: [String: String] = [:]

    /// A viewserver over `candidates` (their controller addresses, host:port).
    package init(candidates: [String], client: NodeClient, settings: LeaseSettings, logger: Logger) {
        self.candidates = candidates
        self.client = client
        self.settings = settings
        self.logger = logger
    }

    /// The answer to "who is the controller?".
    package var currentView: ViewReply {
        guard let grant, !grant.revoking else { return ViewReply(view: highestView, controller: nil) }
        return ViewReply(view: grant.view, controller: grant.controller)
    }

    /// Pings and decides until cancelled.
    package func run() async {
        while !Task.isCancelled {
            let began = monotonicMilliseconds()
            let before = grant
            await pingAll()
            decide(now: monotonicMilliseconds())
            // A new grant goes out at once rather than a round later: failover time matters.
            if grant != nil, grant?.view != before?.view || grant?.controller != before?.controller { continue }
            let elapsed = monotonicMilliseconds() - began
            try? await Task.sleep(for: .milliseconds(max(10, settings.pingInterval.inMilliseconds - elapsed)))
        }
    }

    private func pingAll() async {
        let offered = grant.flatMap { $0.revoking ? nil : $0 }
        let sentAt = monotonicMilliseconds()
        if offered != nil { grant?.lastSent = sentAt }
        let client = self.client, timeout = settings.pingTimeout.inMilliseconds, lease = settings.lease.inMilliseconds
        let answers = await withTaskGroup(of: (String, Result<PingReply, any Error>).self) { group in
            for candidate in candidates {
                let request = PingRequest(view: offered?.view ?? highestView, controller: offered?.controller ?? "", leaseMs: lease, you: candidate)
                group.addTask {
                    do {
                        return (candidate, .success(try await client.post(candidate, "/v1/ping", request, timeout: .milliseconds(timeout))))
                    } catch {
                        return (candidate, .failure(error))
                    }
                }
            }
            var answers: [(String, Result<PingReply, any Error>)] = []
            for await answer in group { answers.append(answer) }
            return answers
        }
        let now = monotonicMilliseconds()
        for (candidate, answer) in answers {
            switch answer {
            case .success(let reply):
                replies[candidate] = (reply, now)
                // Replies are range-checked as they are decoded (WireRange.view), so this
                // stays far below Int64.max and the next grant's `+ 1` cannot overflow.
                highestView = max(highestView, reply.highestView, reply.holding ?? 0)
                if failures.removeValue(forKey: candidate) != nil { logger.notice("candidate \(candidate) answers pings again") }
            case .failure(let error):
                noteFailure(candidate, error)
            }
        }
    }

    /// Logs a candidate's failed ping as a warning when its reason changes (a refusal, such
    /// as another wire version or a forged reply, says what to fix), at debug level otherwise.
    private func noteFailure(_ candidate: String, _ error: any Error) {
        let reason = "\(error)"
        if failures.updateValue(reason, forKey: candidate) != reason {
            logger.warning("ping to \(candidate) failed: \(reason)")
        } else {
            logger.debug("ping to \(candidate) failed: \(reason)")
        }
    }

    /// Whether `candidate` answered within the lease.
    func isAlive(_ candidate: String, now: Int64) -> Bool {
        guard let last = replies[candidate]?.at else { return false }
        return now - last <= settings.lease.inMilliseconds
    }
}
