package import BearmonCore

/// Acknowledge links (issue 23): a notification's link names its outbox row's event id; the
/// row says which check, outage and contact it was for. Acknowledging through one writes
/// `check_acks.via_event_id`, which is unique, so each link acknowledges once.
extension SQLStore {
    /// What the link for `eventID` would acknowledge, or nil when there is no such row.
    package func ackLinkTarget(eventID: String) throws -> AckLinkTarget? {
        try database.transaction { tx in try Self.ackLinkTarget(eventID: eventID, in: tx) }
    }

    /// Acknowledges the outage `eventID`'s notification was about, by its contact, once.
    /// Refuses a link already used (``StoreError/conflict(_:)``), an outage that is over or
    /// not the current one, and a row that was not about an outage (``StoreError/invalid(_:)``).
    package func acknowledge(viaEvent eventID: String, comment: String, now: Int64) throws -> AckRow {
        try checkLength("comment", comment, limit: 1024)
        return try database.transaction { tx in
            guard let target = try Self.ackLinkTarget(eventID: eventID, in: tx) else { throw StoreError.notFound("notification \(eventID)") }
            if let used = target.usedBy { throw StoreError.conflict("this link was used already: \(used.by) acknowledged the outage") }
            guard target.isCurrent else { throw StoreError.invalid(target.staleReason) }
            let by = "\(target.contactName) (acknowledge link)".fitted(to: .ackedBy)
            try Self.clearAck(check: target.checkID, now: now, in: tx)
            let id = try tx.execute(
                "INSERT INTO check_acks (check_id, flip_id, acked_by, comment, until_at, created_at, via_event_id) VALUES (?, ?, ?, ?, NULL, ?, ?)",
                [.int(target.checkID), .text(target.flipID), .text(by), .text(comment), .int(now), .text(eventID)]
            ).lastInsertID
            return AckRow(id: id, checkID: target.checkID, flipID: target.flipID, by: by, comment: comment, until: nil, createdAt: now, clearedAt: nil)
        }
    }

    static func ackLinkTarget(eventID: String, in tx: any SQLExecutor) throws -> AckLinkTarget? {
        guard let row = try tx.query(
            """
            SELECT o.check_id, o.flip_id, o.contact_id, o.status, o.check_name, o.since_at, n.name
            FROM alert_outbox o LEFT JOIN contact_names n ON n.contact_id = o.contact_id WHERE o.event_id = ?
            """,
            [.text(eventID)]
        ).first else { return nil }
        let check = row.int(0)
        let used = try tx.query("SELECT \(ackColumns) FROM check_acks WHERE via_event_id = ?", [.text(eventID)]).first.map(ack)
        return AckLinkTarget(
            eventID: eventID, checkID: check, checkName: row.string(4), flipID: row.string(1), contactID: row.int(2),
            contactName: row[6].text ?? "contact \(row.int(2))", aboutOutage: row.string(3) == CheckStatus.offline.rawValue,
            since: row.int(5), currentOutage: try currentOutage(check, in: tx), usedBy: used
        )
    }

    /// Who acknowledged the outage `entry` is about: its own for an offline row, the one it
    /// ends for an online row; nil when nobody did.
    package func acknowledger(of entry: OutboxEntry) throws -> String? {
        let outage: String?
        if entry.status == .offline {
            outage = entry.flipID
        } else {
            outage = try database.query(
                """
                SELECT f.flip_id FROM check_flips f JOIN check_flips o ON o.flip_id = ?
                WHERE f.check_id = o.check_id AND f.status = 'offline' AND f.time <= o.time AND f.flip_id <> o.flip_id ORDER BY f.time DESC LIMIT 1
                """,
                [.text(entry.flipID)]
            ).first?.string(0)
        }
        guard let outage else { return nil }
        return try database.query("SELECT acked_by FROM check_acks WHERE check_id = ? AND flip_id = ? ORDER BY id DESC LIMIT 1",
                                  [.int(entry.checkID), .text(outage)]).first?.string(0)
    }
}
