/// What to do with one (check, contact) notification. Pure, like ``CheckScheduler``: the
/// store gathers the facts inside its transaction, asks, and writes the answer, so that the
/// same rules decide at flip time and when held rows are released.
///
/// The rules:
/// - A maintenance window or a silence over the check holds every notification.
/// - The budget (`maxPerHour`, 0 = none) counts what the contact was sent in the last hour.
///   An `online` that pairs an `offline` the contact heard is never held by it. Any other
///   `online` needs room for itself. An `offline` needs room for itself and for the `online`
///   that will pair it (so a flapping target never leaves an incident open past the budget),
///   unless it is the first notification of the hour.
/// - Behind held rows of the same check and contact, only an `online` that pairs a heard
///   `offline` goes; anything else waits for the release, which tells the current state once.
package enum NotificationPolicy {
    /// The facts about one (check, contact) pair.
    package struct Facts: Sendable {
        /// The status to tell.
        package var status: CheckStatus
        /// What the contact last heard about the check, if anything.
        package var lastHeard: CheckStatus?
        /// A window or silence over the check now, if any.
        package var calendarHold: HoldReason?
        /// The contact's limit per hour, 0 for none.
        package var limit: Int
        /// Notifications counted against the contact's budget in the last hour.
        package var sentLastHour: Int
        /// Whether older rows of the same check and contact are held.
        package var behindHeld: Bool

        /// A value from its parts.
        package init(status: CheckStatus, lastHeard: CheckStatus?, calendarHold: HoldReason?, limit: Int, sentLastHour: Int, behindHeld: Bool = false) {
            self.status = status
            self.lastHeard = lastHeard
            self.calendarHold = calendarHold
            self.limit = limit
            self.sentLastHour = sentLastHour
            self.behindHeld = behindHeld
        }
    }

    /// Why a notification with `facts` must wait now, or nil when it may go.
    package static func hold(_ facts: Facts) -> HoldReason? {
        if let hold = facts.calendarHold { return hold }
        let pairsHeardOffline = facts.status == .online && facts.lastHeard == .offline
        // Behind held rows, only a pairing online may pass: anything else would tell the
        // contact of a change it never heard the start of; the release tells the truth.
        if facts.behindHeld, !pairsHeardOffline { return .behindHeld }
        guard facts.limit > 0 else { return nil }
        switch facts.status {
        case .online:
            if pairsHeardOffline { return nil }
            return facts.sentLastHour < facts.limit ? nil : .budget(limit: facts.limit)
        case .offline, .fail:
            if facts.sentLastHour == 0 || facts.sentLastHour + 2 <= facts.limit { return nil }
            return .budget(limit: facts.limit)
        }
    }

    /// What releasing a (check, contact)'s held rows comes to.
    package enum Release: Sendable, Equatable {
        /// Still held, for this reason.
        case wait(HoldReason)
        /// Nothing to tell: cancel the held rows.
        case cancel
        /// Tell the current state once, then cancel the held rows.
        case catchUp(CheckStatus)
    }

    /// Whether `current` (the check's stored status, nil when it has none or is gone) should be
    /// told now to a contact whose alert covers `alertCovers` statuses, given `facts` about
    /// the catch-up that would be sent.
    package static func release(current: CheckStatus?, alertCovers: (CheckStatus) -> Bool, facts: Facts) -> Release {
        if let hold = facts.calendarHold { return .wait(hold) }
        guard let current, current != .fail, alertCovers(current) else { return .cancel }
        // A contact that never heard anything is told only of an outage.
        if facts.lastHeard == current || (facts.lastHeard == nil && current == .online) { return .cancel }
        var facts = facts
        facts.status = current
        facts.behindHeld = false
        if let reason = hold(facts) { return .wait(reason) }
        return .catchUp(current)
    }
}
