import BearmonCore

/// `removed` notifications: when a check, a contact or an alert is deleted or disabled while
/// contacts last heard `offline`, each such contact is told once, so that no incident stays
/// open on its side. Runs inside the catalog change's transaction.
extension SQLStore {
    /// A contact that last heard `offline` about some check, kept before a change so that a
    /// removed notification can still reach it if the change deletes it.
    struct Listener {
        let type: String
        let data: String
    }

    /// The contacts that last heard `offline` about some check, by id.
    static func offlineListeners(in tx: any SQLExecutor) throws -> [Int64: Listener] {
        var listeners: [Int64: Listener] = [:]
        for row in try tx.query(
            "SELECT DISTINCT c.id, c.type, c.data FROM notification_ledger l JOIN contacts c ON c.id = l.contact_id WHERE l.status = 'offline'"
        ) {
            listeners[row.int(0)] = Listener(type: row.string(1), data: row.string(2))
        }
        return listeners
    }

    /// After a change: every ledger entry that heard `offline` and whose check is gone or
    /// disabled, whose contact is gone, or that no enabled alert links any more, gets one
    /// `removed` notification (status `online`, so that a receiver closes its incident),
    /// unless `quiet`; its held rows are cancelled and the entry is forgotten. Returns the
    /// notifications written.
    @discardableResult
    static func settleLedger(listeners: [Int64: Listener], now: Int64, quiet: Bool, in tx: any SQLExecutor) throws -> Int {
        let orphans = try tx.query(
            """
            SELECT l.check_id, l.contact_id, l.event_id, k.id, k.enabled, k.name, k.type, c.id
            FROM notification_ledger l LEFT JOIN checks k ON k.id = l.check_id LEFT JOIN contacts c ON c.id = l.contact_id
            WHERE l.status = 'offline' AND (k.id IS NULL OR k.enabled = 0 OR c.id IS NULL OR NOT EXISTS (
                SELECT 1 FROM alerts a WHERE a.check_id = l.check_id AND a.contact_id = l.contact_id AND a.enabled = 1))
            ORDER BY l.check_id, l.contact_id
            """
        )
        var written = 0
        for row in orphans {
            let (check, contact) = (row.int(0), row.int(1))
            try cancelHeld(check: check, contact: contact, in: tx)
            let contactGone = row[7].int == nil
            if !quiet, let listener = contactGone ? listeners[contact] : Listener(type: "", data: "") {
                try writeRemoved(row, listener: contactGone ? listener : nil, now: now, in: tx)
                written += 1
            }
            try tx.execute("DELETE FROM notification_ledger WHERE check_id = ? AND contact_id = ?", [.int(check), .int(contact)])
        }
        // What contacts heard about deleted checks, or what deleted contacts heard, means nothing any more.
        try tx.execute("DELETE FROM notification_ledger WHERE NOT EXISTS (SELECT 1 FROM checks k WHERE k.id = notification_ledger.check_id)")
        try tx.execute("DELETE FROM notification_ledger WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = notification_ledger.contact_id)")
        return written
    }

    private static func writeRemoved(_ row: SQLRow, listener: Listener?, now: Int64, in tx: any SQLExecutor) throws {
            let (check, contact) = (row.int(0), row.int(1))
            let contactGone = listener != nil
            let reason = if row[3].int == nil { "check \(check) was deleted" }
                else if row.int(4) == 0 { "check \(check) was disabled" }
                else if contactGone { "contact \(contact) was deleted" }
                else { "its alert to contact \(contact) was removed or disabled" }
            let heard = try tx.query("SELECT flip_id, check_name, check_type, check_data FROM alert_outbox WHERE event_id = ?", [.text(row.string(2))]).first
            let draft = OutboxDraft(
                flipID: heard?.string(0) ?? "", checkID: check, contactID: contact, status: .online, kind: .removed,
                checkName: heard?.string(1) ?? row.string(5).fitted(to: .checkName), checkType: heard?.string(2) ?? row.string(6),
                checkData: heard?.string(3) ?? "{}",
                message: "bearmon no longer watches this check for you: \(reason) while you last heard it offline",
                since: now, createdAt: now, view: 0, detail: reason,
                contactType: listener?.type, contactData: listener?.data
            )
            _ = try write(draft, hold: nil, in: tx)
    }
}
