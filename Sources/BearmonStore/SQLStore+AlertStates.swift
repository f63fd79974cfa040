package import BearmonCore

/// What the alerting rules keep per check (`check_alert_states`, issue 22): its last confirmed
/// states, its flapping and the offline parent that makes it unreachable.
extension SQLStore {
    /// Every check's alerting state, by id; checks with none are absent.
    package func alertStates() throws -> [Int64: CheckAlertState] {
        var states: [Int64: CheckAlertState] = [:]
        let rows = try database.query(
            """
            SELECT s.check_id, s.states, s.confirmed_at, s.flapping_share, s.flapping_since, s.unreachable_parent, s.unreachable_since, p.name
            FROM check_alert_states s LEFT JOIN checks p ON p.id = s.unreachable_parent ORDER BY s.check_id
            """
        )
        for row in rows {
            states[row.int(0)] = CheckAlertState(
                states: FlappingRule.decode(row.string(1)), confirmedAt: row.int(2), share: row[3].double ?? 0, flappingSince: row[4].int,
                unreachable: row[5].int.map { CheckOverlay.Unreachable(parent: $0, name: row[7].text ?? "", since: row[6].int ?? 0) }
            )
        }
        return states
    }

    static func flappingSince(_ check: Int64, in tx: any SQLExecutor) throws -> Int64? {
        try tx.query("SELECT flapping_since FROM check_alert_states WHERE check_id = ?", [.int(check)]).first?[0].int
    }

    /// Creates the check's row if it has none.
    static func ensureAlertState(_ check: Int64, in tx: any SQLExecutor) throws {
        guard try tx.query("SELECT check_id FROM check_alert_states WHERE check_id = ?", [.int(check)]).isEmpty else { return }
        try tx.execute("INSERT INTO check_alert_states (check_id) VALUES (?)", [.int(check)])
    }

    /// Marks the check unreachable behind `parent` since `since`, keeping an earlier mark.
    static func markUnreachable(_ check: Int64, parent: Int64, since: Int64, in tx: any SQLExecutor) throws {
        try ensureAlertState(check, in: tx)
        try tx.execute("UPDATE check_alert_states SET unreachable_parent = ?, unreachable_since = ? WHERE check_id = ? AND unreachable_parent IS NULL",
                       [.int(parent), .int(since), .int(check)])
    }

    static func clearUnreachable(_ check: Int64, in tx: any SQLExecutor) throws {
        try tx.execute("UPDATE check_alert_states SET unreachable_parent = NULL, unreachable_since = NULL WHERE check_id = ?", [.int(check)])
    }

    /// The offline parent a check is marked unreachable behind, if any.
    static func unreachableParent(_ check: Int64, in tx: any SQLExecutor) throws -> (id: Int64, name: String)? {
        try tx.query(
            "SELECT s.unreachable_parent, p.name FROM check_alert_states s LEFT JOIN checks p ON p.id = s.unreachable_parent WHERE s.check_id = ? AND s.unreachable_parent IS NOT NULL",
            [.int(check)]
        ).first.map { ($0.int(0), $0[1].text ?? "") }
    }

    /// "parent 3 (router) offline": why a child's notification is suppressed.
    static func parentOffline(_ parent: DependencyRule.Parent) -> String { parentOffline((parent.id, parent.name)) }

    static func parentOffline(_ parent: (id: Int64, name: String)) -> String { "parent \(DependencyRule.label(parent.id, parent.name)) offline" }

    /// The facts of held row `id` the dependency release needs.
    static func heldRow(_ id: Int64, in tx: any SQLExecutor) throws -> (reason: String, createdAt: Int64, notBefore: Int64, status: CheckStatus?) {
        let row = try tx.query("SELECT hold_reason, created_at, not_before, status FROM alert_outbox WHERE id = ?", [.int(id)]).first
        return (row?.string(0) ?? "", row?.int(1) ?? 0, row?.int(2) ?? 0, row.flatMap { CheckStatus(rawValue: $0.string(3)) })
    }

    /// Suppresses the pair's held rows, with why; returns how many.
    static func suppressHeld(check: Int64, contact: Int64, reason: String, in tx: any SQLExecutor) throws -> Int64 {
        try tx.execute("UPDATE alert_outbox SET state = 'suppressed', hold_reason = ? WHERE check_id = ? AND contact_id = ? AND state = 'held'",
                       [.text(reason.fitted(to: .holdReason)), .int(check), .int(contact)]).affectedRows
    }

    /// Sends held row `id` as it was written (its event id kept): it becomes what its contact last heard.
    static func sendHeld(_ id: Int64, in tx: any SQLExecutor) throws {
        guard let row = try tx.query("SELECT event_id, check_id, contact_id, status FROM alert_outbox WHERE id = ?", [.int(id)]).first,
              let status = CheckStatus(rawValue: row.string(3)) else { return }
        try tx.execute("UPDATE alert_outbox SET state = 'pending', not_before = 0 WHERE id = ?", [.int(id)])
        try setLastHeard(status, event: row.string(0), check: row.int(1), contact: row.int(2), at: nowMilliseconds(), in: tx)
    }

    /// Checks marked unreachable whose parents are all online again: the mark goes, and a
    /// check still offline is told to each contact that has not heard it (its outage is
    /// real); one that recovered meanwhile tells nothing. Returns the rows written.
    static func notifyReachableAgain(now: Int64, budget: NotificationBudget, view: Int64, in tx: any SQLExecutor) throws -> Int {
        let marked = try tx.query(
            """
            SELECT s.check_id, s.unreachable_parent, p.name, c.status, c.enabled, c.name, c.type FROM check_alert_states s
            JOIN checks c ON c.id = s.check_id LEFT JOIN checks p ON p.id = s.unreachable_parent WHERE s.unreachable_parent IS NOT NULL
            """
        )
        var written = 0
        for row in marked {
            let check = row.int(0)
            guard DependencyRule.reachable(parents: try parents(of: check, in: tx)) else { continue }
            try clearUnreachable(check, in: tx)
            guard row.int(4) != 0, row.string(3) == CheckStatus.offline.rawValue else { continue }
            let parent = DependencyRule.label(row.int(1), row[2].text ?? "")
            let flip = try latestFlip(of: check, in: tx)
            let since = flip?.int(2) ?? now
            let standing = try standingHold(check, calendar: try holdCalendar(in: tx, now: now), at: now, in: tx)
            let contacts = try tx.query(
                """
                SELECT DISTINCT a.contact_id, c.type FROM alerts a JOIN contacts c ON c.id = a.contact_id
                WHERE a.check_id = ? AND a.enabled = 1 AND (a.type = 'both' OR a.type = 'offline') ORDER BY a.contact_id
                """,
                [.int(check)]
            )
            for contact in contacts {
                let contactID = contact.int(0)
                let lastHeard = try lastHeard(check: check, contact: contactID, in: tx)
                guard lastHeard != .offline else { continue }
                let facts = try facts(.offline, check: check, contact: contactID, contactType: contact[1].text, lastHeard: lastHeard,
                                      hold: standing, now: now, budget: budget, behindHeld: true, in: tx)
                let draft = OutboxDraft(
                    flipID: flip?.string(0) ?? "", checkID: check, contactID: contactID, status: .offline, kind: .catchUp,
                    checkName: row.string(5).fitted(to: .checkName), checkType: row.string(6), checkData: "{}",
                    message: flip?.string(1) ?? "", since: since, createdAt: now, view: view,
                    detail: "suppressed by parent \(parent) while it was offline; it is online again, and this check is offline since \(isoTime(since))"
                )
                _ = try write(draft, NotificationPolicy.hold(facts).map { .hold($0, notBefore: 0) } ?? .send, in: tx)
                written += 1
            }
        }
        return written
    }
}

/// A check's alerting state as stored (issue 22).
package struct CheckAlertState: Sendable, Equatable {
    /// Its last confirmed states, oldest first (at most 21).
    package var states: [CheckStatus]
    /// When the last was confirmed, unix ms.
    package var confirmedAt: Int64
    /// The weighted share of changes when last computed.
    package var share: Double
    /// Since when it flaps, unix ms; nil when it does not.
    package var flappingSince: Int64?
    /// The offline parent it is unreachable behind, if any.
    package var unreachable: CheckOverlay.Unreachable?

    /// A value from its parts.
    package init(states: [CheckStatus], confirmedAt: Int64, share: Double, flappingSince: Int64?, unreachable: CheckOverlay.Unreachable?) {
        self.states = states
        self.confirmedAt = confirmedAt
        self.share = share
        self.flappingSince = flappingSince
        self.unreachable = unreachable
    }

    /// The overlay it shows, nil when neither unreachable nor flapping.
    package var overlay: CheckOverlay? {
        let overlay = CheckOverlay(unreachable: unreachable, flapping: flappingSince.map { CheckOverlay.Flapping(since: $0, share: share) })
        return overlay.isEmpty ? nil : overlay
    }
}
