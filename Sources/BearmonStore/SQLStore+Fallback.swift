import BearmonCore

/// Fallback contacts (issue 23): when delivery of a row ends `failed` (permanent), or is still
/// being retried `[notify] fallbackAfter` after the row was written, the same notification goes
/// to the fallback contact of the alert that linked the check to the row's contact, as a new
/// row of kind `fallback` with its own event id and `fallback_of` naming the original (once
/// per original); that contact may have its own fallback. Written in the transaction that
/// records the attempt, so a failover neither loses nor doubles it.
extension SQLStore {
    static func writeFallback(for id: Int64, error: String, now: Int64, view: Int64, in tx: any SQLExecutor) throws {
        guard let row = try tx.query(
            "SELECT event_id, flip_id, check_id, contact_id, status, kind, check_name, check_type, check_data, message, since_at, missed FROM alert_outbox WHERE id = ?",
            [.int(id)]
        ).first, let status = CheckStatus(rawValue: row.string(4)), row.string(5) != NotificationKind.test.rawValue else { return }
        // Once per original: a row that fell back while retrying does not fall back again when it ends.
        guard try tx.query("SELECT id FROM alert_outbox WHERE fallback_of = ? LIMIT 1", [.text(row.string(0))]).isEmpty else { return }
        let (check, contact) = (row.int(2), row.int(3))
        let fallbacks = try tx.query(
            """
            SELECT DISTINCT o.fallback_contact_id FROM alerts a JOIN alert_options o ON o.alert_id = a.id JOIN contacts c ON c.id = o.fallback_contact_id
            WHERE a.check_id = ? AND a.contact_id = ? AND a.enabled = 1 AND o.fallback_contact_id IS NOT NULL ORDER BY o.fallback_contact_id
            """,
            [.int(check), .int(contact)]
        ).map { $0.int(0) }
        for fallback in fallbacks where fallback != contact {
            // The contact already heard this status (its online followed the path already): once is enough.
            if try lastHeard(check: check, contact: fallback, in: tx) == status { continue }
            let draft = OutboxDraft(
                flipID: row.string(1), checkID: check, contactID: fallback, status: status, kind: .fallback,
                checkName: row.string(6), checkType: row.string(7), checkData: row.string(8), message: row.string(9),
                since: row.int(10), createdAt: now, view: view, missed: row.int(11),
                detail: "\(NotificationKind.fallbackPrefix)\(contact): event \(row.string(0)) (\(row.string(5))) could not be delivered: \(error)",
                fallbackOf: row.string(0)
            )
            _ = try write(draft, hold: nil, in: tx)
        }
    }

    /// At an online flip: contacts that heard the outage only as a fallback and have no alert
    /// of their own on the check get the online the same way. Returns the event ids written.
    static func followFallbackPath(_ flip: FlipRequest, alerted: Set<Int64>, view: Int64, in tx: any SQLExecutor) throws -> [String] {
        guard flip.status == .online else { return [] }
        let heard = try tx.query(
            """
            SELECT l.contact_id, o.detail FROM notification_ledger l JOIN alert_outbox o ON o.event_id = l.event_id
            WHERE l.check_id = ? AND l.status = 'offline' AND o.kind = 'fallback' ORDER BY l.contact_id
            """,
            [.int(flip.checkID)]
        )
        var events: [String] = []
        for entry in heard where !alerted.contains(entry.int(0)) {
            let draft = OutboxDraft(
                flipID: flip.flipID, checkID: flip.checkID, contactID: entry.int(0), status: .online, kind: .fallback,
                checkName: flip.checkName.fitted(to: .checkName), checkType: flip.checkType, checkData: flip.maskedData.fitted(to: .checkData),
                message: flip.message.fitted(to: .message), since: flip.time, createdAt: flip.time, view: view,
                detail: String(entry.string(1).prefix { $0 != ":" })
            )
            events.append(try write(draft, hold: nil, in: tx))
        }
        return events
    }
}
