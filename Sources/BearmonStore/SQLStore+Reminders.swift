import BearmonCore

/// Escalations and reminders at release time (issue 23): every due time is a row (an
/// escalation's `not_before`, the ledger's `heard_at`), so a controller that takes over after a
/// failover continues where the last one was, and the fence keeps two from writing the same.
extension SQLStore {
    /// Decides the held escalation `row` of (`check`, `contact`) with ``EscalationRule``: sends
    /// it as written, keeps it, or cancels the pair's rows left from an outage that is over.
    static func releaseEscalation(_ row: Int64, check: Int64, contact: Int64, count: Int64, now: Int64, in tx: any SQLExecutor) throws -> EscalationRule.Verdict {
        guard let held = try tx.query("SELECT flip_id, not_before FROM alert_outbox WHERE id = ?", [.int(row)]).first else { return .wait }
        let outage = try currentOutage(check, in: tx)
        let verdict = EscalationRule.release(flipID: held.string(0), due: held.int(1), offline: outage != nil, currentFlip: outage,
                                             acknowledged: try acknowledged(check: check, flip: outage, now: now, in: tx), now: now)
        switch verdict {
        case .wait:
            break
        case .send:
            try sendHeld(row, in: tx)
        case .cancel:
            // The contact never heard this outage: its online (held behind) goes too, but an
            // escalation of a newer outage stays for its own time.
            try tx.execute(
                "UPDATE alert_outbox SET state = 'cancelled' WHERE check_id = ? AND contact_id = ? AND state = 'held' AND NOT (kind = 'escalation' AND flip_id = ?)",
                [.int(check), .int(contact), .text(outage ?? "")]
            )
        }
        return verdict
    }

    /// Writes a `reminder` to each contact whose alert repeats, that heard the current outage
    /// `repeat` ms ago or more, while it is not acknowledged or held. Returns the rows written.
    static func writeReminders(now: Int64, view: Int64, in tx: any SQLExecutor) throws -> Int {
        let pairs = try tx.query(
            """
            SELECT a.check_id, a.contact_id, MIN(o.repeat_ms) FROM alerts a JOIN alert_options o ON o.alert_id = a.id JOIN checks k ON k.id = a.check_id
            WHERE o.repeat_ms > 0 AND a.enabled = 1 AND k.enabled = 1 AND k.status = 'offline' AND (a.type = 'both' OR a.type = 'offline')
            GROUP BY a.check_id, a.contact_id ORDER BY a.check_id, a.contact_id
            """
        )
        guard !pairs.isEmpty else { return 0 }
        let calendar = try holdCalendar(in: tx, now: now)
        var written = 0
        for pair in pairs {
            let (check, contact, interval) = (pair.int(0), pair.int(1), pair.int(2))
            guard let outage = try currentOutage(check, in: tx) else { continue }
            // What the contact last heard, when it told this outage's offline.
            let told = try tx.query(
                """
                SELECT l.heard_at, o.check_name, o.check_type, o.check_data, o.message, o.since_at FROM notification_ledger l
                JOIN alert_outbox o ON o.event_id = l.event_id
                WHERE l.check_id = ? AND l.contact_id = ? AND l.status = 'offline' AND o.flip_id = ?
                """,
                [.int(check), .int(contact), .text(outage)]
            ).first
            let acknowledged = try acknowledged(check: check, flip: outage, now: now, in: tx)
            guard let told, EscalationRule.reminderDue(lastTold: told.int(0), every: interval, acknowledged: acknowledged, now: now),
                  try standingHold(check, calendar: calendar, at: now, in: tx) == nil, try !hasHeld(check: check, contact: contact, in: tx) else { continue }
            let number = 1 + (try tx.query("SELECT COUNT(*) FROM alert_outbox WHERE check_id = ? AND contact_id = ? AND flip_id = ? AND kind = 'reminder'",
                                           [.int(check), .int(contact), .text(outage)]).first?.int(0) ?? 0)
            let since = try latestFlip(of: check, in: tx)?.int(2) ?? told.int(5)
            let draft = OutboxDraft(
                flipID: outage, checkID: check, contactID: contact, status: .offline, kind: .reminder,
                checkName: told.string(1), checkType: told.string(2), checkData: told.string(3), message: told.string(4),
                since: since, createdAt: now, view: view, missed: number,
                detail: "\(EscalationRule.stillOffline(since: since, now: now)) (reminder \(number))"
            )
            _ = try write(draft, hold: nil, in: tx)
            written += 1
        }
        return written
    }
}
