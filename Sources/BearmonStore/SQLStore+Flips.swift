package import BearmonCore
import Foundation

extension SQLStore {
    /// The view row.
    package func view() throws -> ViewRow {
        let row = try database.query("SELECT number, holder FROM controller_view WHERE id = 1").first
        return ViewRow(number: row?.int(0) ?? 0, holder: row?.string(1) ?? "")
    }

    /// Raises the view if it is lower; never lowers it.
    package func raiseView(to number: Int64, holder: String) throws -> Bool {
        try database.execute(
            "UPDATE controller_view SET number = ?, holder = ?, updated_at = ? WHERE id = 1 AND number < ?",
            [.int(number), .text(holder), .int(Self.nowMilliseconds()), .int(number)]
        ).affectedRows > 0
    }

    /// Writes a flip atomically, fenced by `view`. Writing the same flip id again (a commit
    /// whose outcome was lost with the connection) returns the first write, changing nothing.
    /// Free text is fitted to its columns, never refused: a flip is never lost for its message.
    /// Each contact's notification is pending, or held by a maintenance window, a silence or
    /// its `budget` (see ``NotificationPolicy``).
    package func recordFlip(_ flip: FlipRequest, view: Int64, budget: NotificationBudget) throws -> FlipRecord {
        guard flip.status != .fail else { throw StoreError.invalid("a check cannot flip to fail") }
        let message = SQLValue.text(flip.message.fitted(to: .message))
        return try database.transaction { tx in
            try checkFence(view, in: tx)
            if let existing = try tx.query("SELECT check_event_id FROM check_flips WHERE flip_id = ?", [.text(flip.flipID)]).first {
                let events = try tx.query("SELECT event_id FROM alert_outbox WHERE flip_id = ? AND kind = 'flip' ORDER BY id", [.text(flip.flipID)]).map { $0.string(0) }
                return FlipRecord(flipID: flip.flipID, checkEventID: existing.int(0), eventIDs: events, isNew: false)
            }
            let status = SQLValue.text(flip.status.rawValue)
            try tx.execute("UPDATE checks SET status = ? WHERE id = ?", [status, .int(flip.checkID)])
            let eventID = try tx.execute("INSERT INTO check_events (check_id, type) VALUES (?, ?)", [.int(flip.checkID), status]).lastInsertID
            try tx.execute(
                "INSERT INTO check_flips (flip_id, check_id, check_event_id, status, message, view, time, began_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(flip.flipID), .int(flip.checkID), .int(eventID), status, message, .int(view), .int(flip.time), .int(flip.beganAt)]
            )
            let eventIDs = try queueFlipNotifications(flip, view: view, budget: budget, in: tx)
            return FlipRecord(flipID: flip.flipID, checkEventID: eventID, eventIDs: eventIDs, isNew: true)
        }
    }

    /// Milliseconds since the epoch.
    static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
