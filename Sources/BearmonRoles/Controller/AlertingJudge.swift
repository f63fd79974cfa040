package import BearmonCore

/// The alert path's self-check, free of I/O and clocks in the manner of ``CheckScheduler``:
/// the controller gathers what waits (its unwritten flips, its held checks, the outbox's
/// oldest due row) and passes `now`; the judge says whether alerting works.
package struct AlertingJudge: Sendable {
    /// A flip decided but not yet written.
    package struct WaitingFlip: Sendable, Equatable {
        /// The check.
        package var checkID: Int64
        /// Its name, for the message.
        package var checkName: String
        /// When it was decided, monotonic milliseconds.
        package var decidedAt: Int64
    }

    /// A check held behind a flip the store refuses.
    package struct Held: Sendable, Equatable {
        /// The check.
        package var checkID: Int64
        /// Why the store refuses its flip.
        package var reason: String
    }

    /// The release of held notifications (window ends, silences, budgets) failing.
    package struct ReleaseFailure: Sendable, Equatable {
        /// When it began failing, monotonic milliseconds.
        package var since: Int64
        /// The last error.
        package var reason: String
    }

    /// How long a decided flip may wait to be written, in milliseconds.
    package let maxFlipWait: Duration
    /// How long a due notification may wait for its first attempt, in milliseconds.
    package let maxNotifyWait: Duration

    /// A judge with these limits.
    package init(maxFlipWait: Duration, maxNotifyWait: Duration) {
        self.maxFlipWait = maxFlipWait
        self.maxNotifyWait = maxNotifyWait
    }

    /// Judges the alert path at `now` (monotonic) and `wallNow` (unix milliseconds, the
    /// outbox's clock). `oldestDue` is the outbox's oldest due row never attempted, if any.
    /// `releaseFailure` is the held-notification release failing since a time; past
    /// `maxNotifyWait` it is a problem, as catch-ups then never go out.
    package func judge(flips: [WaitingFlip], held: [Held], oldestDue: DueNotification?, releaseFailure: ReleaseFailure? = nil,
                       now: Int64, wallNow: Int64) -> AlertingHealth {
        var problems: [String] = []
        let oldestFlip = flips.min { $0.decidedAt < $1.decidedAt }
        let flipAge = oldestFlip.map { max(0, now - $0.decidedAt) }
        if let oldestFlip, let flipAge, flipAge > maxFlipWait.inMilliseconds {
            problems.append("the flip of check \(oldestFlip.checkID) (\(oldestFlip.checkName.fitted(to: .checkName))) has waited \(flipAge / 1_000) s to be written")
        }
        for check in held.sorted(by: { $0.checkID < $1.checkID }) {
            problems.append("check \(check.checkID) is held behind a flip the store refuses: \(check.reason)")
        }
        let dueAge = oldestDue.map { max(0, wallNow.saturatingSubtracting($0.dueAt)) }
        if let oldestDue, let dueAge, dueAge > maxNotifyWait.inMilliseconds {
            problems.append("notification \(oldestDue.eventID) (check \(oldestDue.checkID) to contact \(oldestDue.contactID)) has been due for \(dueAge / 1_000) s without a first attempt")
        }
        if let releaseFailure, now - releaseFailure.since > maxNotifyWait.inMilliseconds {
            problems.append("held notifications (maintenance, silences, budgets) cannot be released for \((now - releaseFailure.since) / 1_000) s: \(releaseFailure.reason)")
        }
        return AlertingHealth(oldestUnwrittenFlipMs: flipAge, oldestDueNotificationMs: dueAge,
                              heldChecks: held.map(\.checkID).sorted(), problems: problems)
    }
}
