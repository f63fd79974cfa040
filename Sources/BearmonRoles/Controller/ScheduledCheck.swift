package import BearmonCore

/// One check's place in the state machine: gobearmon's Check struct, with its bugs fixed.
package struct ScheduledCheck: Sendable {
    /// Who holds the check, and until when.
    package struct Lock: Sendable, Equatable {
        /// The worker's node name.
        package let worker: String
        /// The run's token.
        package let token: UInt64
        /// When the lock expires, monotonic milliseconds.
        package let expires: Int64
    }

    /// The check.
    package internal(set) var definition: CheckDefinition
    /// The current status (never `fail`).
    package internal(set) var status: CheckStatus
    /// The run in progress, if any.
    package internal(set) var lock: Lock?
    /// The worker that ran it last.
    package internal(set) var lastWorker: String?
    /// The token of the run completed last, so that the same result carried again (its ask's
    /// answer was lost) is known as a repeat.
    var lastToken: UInt64?
    /// When the last interval-driven run started; rounds are one interval apart from it.
    package internal(set) var intervalAnchor: Int64?
    /// Workers whose results disagree with the status in the current round.
    package internal(set) var turnSet: Set<String> = []
    /// Completed rounds that disagree with the status.
    package internal(set) var turnCount: Int64 = 0
    /// When (monotonic ms) the first result disagreeing with the status arrived, since the
    /// last one that agreed: where an outage (or a recovery) began.
    package internal(set) var disagreeingSince: Int64?
    /// `disagreeingSince` of the streak that led to the last flip.
    package internal(set) var lastFlipBeganAt: Int64?
    /// Consecutive `fail` results.
    package internal(set) var failStreak = 0
    /// The last result that came back.
    package internal(set) var lastResult: (worker: String, status: CheckStatus, message: String, time: Int64, latencyMilliseconds: Double)?
    /// Bumped whenever the check is rescheduled; stale queue entries carry an older value.
    var generation: UInt64 = 0

    init(definition: CheckDefinition) {
        self.definition = definition
        status = definition.status
    }

    /// When the next interval-driven run is due.
    func intervalDue(now: Int64) -> Int64 {
        guard let anchor = intervalAnchor else { return now }
        return anchor + intervalMilliseconds
    }

    /// The check's interval in milliseconds (the catalog bounds it to a year).
    var intervalMilliseconds: Int64 { definition.intervalSeconds * 1000 }

    /// Moves the interval's anchor to an interval-driven run starting at `now`. A run that
    /// starts late, but less than an interval late, keeps the check's phase: the anchor is the
    /// time the run was due, so runs stay one interval apart on average instead of each
    /// interval growing by the time the run waited for a worker (at interval 1 s that lost 2%
    /// of the runs). A run more than an interval late, a first run, or one that starts early
    /// (a run again after a lost lock) anchors at `now`, so that a node catching up never
    /// fires a burst of overdue runs.
    mutating func anchorIntervalRun(at now: Int64) {
        let due = intervalDue(now: now)
        intervalAnchor = intervalAnchor != nil && due <= now && now - due < intervalMilliseconds ? due : now
    }

    /// Whether a confirmation round is under way (runs go out at once to other workers).
    package var isConfirming: Bool { !turnSet.isEmpty }
}
