/// When an outage reaches whom (issue 23): escalations, reminders and acknowledgements. Pure,
/// like ``NotificationPolicy``: the store gathers the facts inside its transaction and asks.
///
/// The rules:
/// - An alert with `after` > 0 is an escalation: at an offline flip its row is written held
///   until flip + after. Its level is its place among the check's escalating alerts by
///   `after` (1 for the shortest); equal `after`s share a level.
/// - When due, it goes out if the check is still offline in the same outage and not
///   acknowledged; an acknowledgement keeps it waiting until it expires; a recovery (or a new
///   outage) cancels it.
/// - A contact that heard the outage gets a reminder every `repeat` after what it last heard
///   of it, while the outage lasts and is not acknowledged.
package enum EscalationRule {
    /// What to do with a held escalation.
    package enum Verdict: Sendable, Equatable {
        /// Not yet due, or acknowledged: keep holding.
        case wait
        /// Due and still needed: send it as it was written.
        case send
        /// The outage is over (or another began): cancel it.
        case cancel
    }

    /// Escalation levels (1-based) for alerts with these `after`s; 0 for those that do not escalate.
    package static func levels(_ afters: [Int64]) -> [Int] {
        let distinct = Array(Set(afters.filter { $0 > 0 })).sorted()
        return afters.map { after in after > 0 ? (distinct.firstIndex(of: after) ?? 0) + 1 : 0 }
    }

    /// The verdict at `now` on an escalation written for outage `flipID`, due at `due`, when
    /// the check is `offline` in outage `currentFlip` (nil: online, gone or disabled), and
    /// `acknowledged` says whether an acknowledgement is in force.
    package static func release(flipID: String, due: Int64, offline: Bool, currentFlip: String?, acknowledged: Bool, now: Int64) -> Verdict {
        guard offline, currentFlip == flipID else { return .cancel }
        if acknowledged || now < due { return .wait }
        return .send
    }

    /// Whether a reminder is due at `now` for a contact last told of the outage at `lastTold`
    /// (nil: it did not hear this outage), with `interval` ms between reminders (0: none).
    package static func reminderDue(lastTold: Int64?, every interval: Int64, acknowledged: Bool, now: Int64) -> Bool {
        guard interval > 0, !acknowledged, let lastTold else { return false }
        let (due, overflow) = lastTold.addingReportingOverflow(interval)
        return !overflow && now >= due
    }

    /// Whether an acknowledgement for outage `ackFlip`, expiring at `until` (nil: with the
    /// outage) and cleared at `cleared`, is in force at `now` while the check is in `currentFlip`.
    package static func acknowledged(ackFlip: String, until: Int64?, cleared: Int64?, currentFlip: String?, now: Int64) -> Bool {
        guard cleared == nil, ackFlip == currentFlip else { return false }
        return until.map { now < $0 } ?? true
    }

    /// "still offline for 2 h 5 min": what a reminder says.
    package static func stillOffline(since: Int64, now: Int64) -> String {
        let elapsed = max(0, now.saturatingSubtracting(since))  // `since` is a stored flip's time
        let minutes = elapsed / 60_000
        let seconds = elapsed / 1_000
        let span = minutes >= 60 ? "\(minutes / 60) h\(minutes % 60 > 0 ? " \(minutes % 60) min" : "")" : minutes > 0 ? "\(minutes) min" : "\(seconds) s"
        return "still offline for \(span)"
    }
}
