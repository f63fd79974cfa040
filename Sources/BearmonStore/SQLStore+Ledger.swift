package import BearmonCore
import Foundation

/// The notification ledger: what each contact last heard about each check, and the rules
/// that write outbox rows from it (``NotificationPolicy``). Everything here runs inside the
/// caller's transaction, so that a row, its event id and the ledger change commit together.
extension SQLStore {
    /// Writes one outbox row per contact an enabled alert links to a new flip: pending, or
    /// held by a window, a silence or the contact's budget. Returns the event ids.
    func queueFlipNotifications(_ flip: FlipRequest, view: Int64, budget: NotificationBudget, in tx: any SQLExecutor) throws -> [String] {
        let contacts = try tx.query(
            """
            SELECT DISTINCT a.contact_id, c.type FROM alerts a JOIN contacts c ON c.id = a.contact_id
            WHERE a.check_id = ? AND a.enabled = 1 AND (a.type = 'both' OR a.type = ?) ORDER BY a.contact_id
            """,
            [.int(flip.checkID), .text(flip.status.rawValue)]
        )
        guard !contacts.isEmpty else { return [] }
        let calendarHold = try Self.holdCalendar(in: tx, now: flip.time)
            .hold(checkID: flip.checkID, tags: try Self.tags(of: flip.checkID, in: tx), at: flip.time)
        var eventIDs: [String] = []
        for row in contacts {
            let contact = row.int(0)
            let limit = budget.limit(forContactType: row[1].text)
            let facts = NotificationPolicy.Facts(
                status: flip.status, lastHeard: try Self.lastHeard(check: flip.checkID, contact: contact, in: tx),
                calendarHold: calendarHold, limit: limit,
                sentLastHour: limit > 0 ? try Self.sentLastHour(contact: contact, now: flip.time, window: budget.windowMilliseconds, in: tx) : 0,
                behindHeld: try Self.hasHeld(check: flip.checkID, contact: contact, in: tx)
            )
            let draft = OutboxDraft(
                flipID: flip.flipID, checkID: flip.checkID, contactID: contact, status: flip.status, kind: .flip,
                checkName: flip.checkName.fitted(to: .checkName), checkType: flip.checkType, checkData: flip.maskedData.fitted(to: .checkData),
                message: flip.message.fitted(to: .message), since: flip.time, createdAt: flip.time, view: view
            )
            // Behind held rows, a flip back to the state the contact last heard is held too
            // (`behindHeld`), so the release tells it nothing rather than the same status twice.
            eventIDs.append(try Self.write(draft, hold: NotificationPolicy.hold(facts), in: tx))
        }
        return eventIDs
    }

    /// Releases held rows whose hold has ended, fenced by `view`: per (check, contact), one
    /// `catch_up` of the current state when the contact's last-heard state differs (with the
    /// number of rows it missed), or nothing; the held rows are then `cancelled`.
    package func releaseHeld(now: Int64, budget: NotificationBudget, view: Int64) throws -> HeldRelease {
        try database.transaction { tx in
            try checkFence(view, in: tx)
            let groups = try tx.query(
                "SELECT check_id, contact_id, COUNT(*), MAX(id), MIN(id) FROM alert_outbox WHERE state = 'held' GROUP BY check_id, contact_id ORDER BY check_id, contact_id"
            )
            var release = HeldRelease()
            guard !groups.isEmpty else { return release }
            let calendar = try Self.holdCalendar(in: tx, now: now)
            for group in groups {
                let (checkID, contactID, count, newest, oldest) = (group.int(0), group.int(1), group.int(2), group.int(3), group.int(4))
                let check = try tx.query("SELECT status, enabled FROM checks WHERE id = ?", [.int(checkID)]).first
                let current = check.flatMap { $0.int(1) != 0 ? CheckStatus(rawValue: $0.string(0)) : nil }
                let alertTypes = try tx.query("SELECT type FROM alerts WHERE check_id = ? AND contact_id = ? AND enabled = 1", [.int(checkID), .int(contactID)])
                    .compactMap { AlertType(rawValue: $0.string(0)) }
                let contactType = try tx.query("SELECT type FROM contacts WHERE id = ?", [.int(contactID)]).first?[0].text
                let limit = budget.limit(forContactType: contactType)
                let facts = NotificationPolicy.Facts(
                    status: current ?? .online, lastHeard: try Self.lastHeard(check: checkID, contact: contactID, in: tx),
                    calendarHold: calendar.hold(checkID: checkID, tags: try Self.tags(of: checkID, in: tx), at: now),
                    limit: limit, sentLastHour: limit > 0 ? try Self.sentLastHour(contact: contactID, now: now, window: budget.windowMilliseconds, in: tx) : 0
                )
                let decision = NotificationPolicy.release(current: contactType == nil ? nil : current,
                                                          alertCovers: { status in alertTypes.contains { $0.matches(status) } }, facts: facts)
                switch decision {
                case .wait:
                    release.stillHeld += Int(count)
                case .cancel:
                    release.cancelled += Int(try Self.cancelHeld(check: checkID, contact: contactID, in: tx))
                case .catchUp(let status):
                    try Self.writeCatchUp(status, check: checkID, contact: contactID, missed: count, snapshotRow: newest, firstHeld: oldest, now: now, view: view, in: tx)
                    release.cancelled += Int(try Self.cancelHeld(check: checkID, contact: contactID, in: tx))
                    release.caughtUp += 1
                }
            }
            return release
        }
    }

    /// Every ledger entry, by check then contact.
    package func ledger() throws -> [LedgerEntry] {
        try database.query("SELECT check_id, contact_id, status, event_id, heard_at FROM notification_ledger ORDER BY check_id, contact_id").map {
            LedgerEntry(checkID: $0.int(0), contactID: $0.int(1), status: CheckStatus(rawValue: $0.string(2)) ?? .offline, eventID: $0.string(3), heardAt: $0.int(4))
        }
    }

    // MARK: Writing rows

    /// Writes `draft` as held (with `hold`) or pending; a pending row supersedes the pair's
    /// held rows and becomes what the contact last heard. Returns its event id.
    static func write(_ draft: OutboxDraft, hold: HoldReason?, in tx: any SQLExecutor) throws -> String {
        let state: OutboxState = hold == nil ? .pending : .held
        let event = UUID().uuidString.lowercased()
        try tx.execute(
            """
            INSERT INTO alert_outbox (event_id, flip_id, check_id, contact_id, status, check_name, check_type, check_data,
                message, state, attempts, next_attempt, claimed_until, last_error, view, created_at,
                kind, not_before, hold_reason, missed, since_at, detail, contact_type, contact_data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, '', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)
            """,
            [.text(event), .text(draft.flipID), .int(draft.checkID), .int(draft.contactID), .text(draft.status.rawValue),
             .text(draft.checkName), .text(draft.checkType), .text(draft.checkData), .text(draft.message),
             .text(state.rawValue), .int(draft.createdAt), .int(draft.view),
             .int(draft.createdAt), .text(draft.kind.rawValue), .text(hold.map { "\($0)" } ?? ""), .int(draft.missed), .int(draft.since),
             .text(draft.detail.fitted(to: .message)), draft.contactType.sqlValue, draft.contactData.sqlValue]
        )
        if hold == nil {
            if draft.kind != .catchUp { try cancelHeld(check: draft.checkID, contact: draft.contactID, in: tx) }
            try setLastHeard(draft.status, event: event, check: draft.checkID, contact: draft.contactID, at: draft.createdAt, in: tx)
        }
        return event
    }

    /// The catch-up copies the newest held row's snapshot of the check, and names the first
    /// held row's reason (later ones may only be waiting behind it).
    private static func writeCatchUp(_ status: CheckStatus, check: Int64, contact: Int64, missed: Int64, snapshotRow: Int64, firstHeld: Int64,
                                     now: Int64, view: Int64, in tx: any SQLExecutor) throws {
        let snapshot = try tx.query("SELECT check_name, check_type, check_data FROM alert_outbox WHERE id = ?", [.int(snapshotRow)]).first
        let reason = try tx.query("SELECT hold_reason FROM alert_outbox WHERE id = ?", [.int(firstHeld)]).first?.string(0)
        let flip = try tx.query("SELECT flip_id, message, time FROM check_flips WHERE check_id = ? ORDER BY time DESC, flip_id DESC LIMIT 1", [.int(check)]).first
        let since = flip?.int(2) ?? now
        let held = reason ?? "a hold"
        let draft = OutboxDraft(
            flipID: flip?.string(0) ?? "", checkID: check, contactID: contact, status: status, kind: .catchUp,
            checkName: snapshot?.string(0) ?? "", checkType: snapshot?.string(1) ?? "", checkData: snapshot?.string(2) ?? "{}",
            message: flip?.string(1) ?? "", since: since, createdAt: now, view: view, missed: missed,
            detail: "\(status.rawValue) since \(isoTime(since)); \(missed) notification\(missed == 1 ? "" : "s") held by \(held)"
        )
        _ = try write(draft, hold: nil, in: tx)
    }

    /// Cancels the pair's held rows; returns how many.
    @discardableResult
    static func cancelHeld(check: Int64, contact: Int64, in tx: any SQLExecutor) throws -> Int64 {
        try tx.execute("UPDATE alert_outbox SET state = 'cancelled' WHERE check_id = ? AND contact_id = ? AND state = 'held'", [.int(check), .int(contact)]).affectedRows
    }

    static func setLastHeard(_ status: CheckStatus, event: String, check: Int64, contact: Int64, at time: Int64, in tx: any SQLExecutor) throws {
        try tx.execute("DELETE FROM notification_ledger WHERE check_id = ? AND contact_id = ?", [.int(check), .int(contact)])
        try tx.execute("INSERT INTO notification_ledger (check_id, contact_id, status, event_id, heard_at) VALUES (?, ?, ?, ?, ?)",
                       [.int(check), .int(contact), .text(status.rawValue), .text(event), .int(time)])
    }

    // MARK: Facts

    static func hasHeld(check: Int64, contact: Int64, in tx: any SQLExecutor) throws -> Bool {
        try !tx.query("SELECT 1 FROM alert_outbox WHERE check_id = ? AND contact_id = ? AND state = 'held' LIMIT 1", [.int(check), .int(contact)]).isEmpty
    }

    static func lastHeard(check: Int64, contact: Int64, in tx: any SQLExecutor) throws -> CheckStatus? {
        try tx.query("SELECT status FROM notification_ledger WHERE check_id = ? AND contact_id = ?", [.int(check), .int(contact)]).first
            .flatMap { CheckStatus(rawValue: $0.string(0)) }
    }

    /// What counts against a contact's budget: rows sent or to be sent (not held, suppressed
    /// or cancelled) in the `window` (an hour) before `now`, tests aside.
    static func sentLastHour(contact: Int64, now: Int64, window: Int64, in tx: any SQLExecutor) throws -> Int {
        Int(try tx.query(
            """
            SELECT COUNT(*) FROM alert_outbox WHERE contact_id = ? AND created_at > ?
            AND state IN ('pending', 'delivered', 'failed') AND kind <> 'test'
            """,
            [.int(contact), .int(now - window)]
        ).first?.int(0) ?? 0)
    }

    static func tags(of check: Int64, in tx: any SQLExecutor) throws -> [String] {
        try tx.query("SELECT tag FROM check_tags WHERE check_id = ?", [.int(check)]).map { $0.string(0) }
    }

    static func isoTime(_ milliseconds: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}

/// One outbox row before it is written.
struct OutboxDraft {
    var flipID: String
    var checkID: Int64
    var contactID: Int64
    var status: CheckStatus
    var kind: NotificationKind
    var checkName: String
    var checkType: String
    var checkData: String
    var message: String
    var since: Int64
    var createdAt: Int64
    var view: Int64
    var missed: Int64 = 0
    var detail: String = ""
    /// The contact's type and data, kept on the row only when the contact itself is being deleted.
    var contactType: String? = nil
    var contactData: String? = nil
}
