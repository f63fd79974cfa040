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
            SELECT a.contact_id, c.type, MIN(COALESCE(o.after_ms, 0)) FROM alerts a JOIN contacts c ON c.id = a.contact_id
            LEFT JOIN alert_options o ON o.alert_id = a.id
            WHERE a.check_id = ? AND a.enabled = 1 AND (a.type = 'both' OR a.type = ?) GROUP BY a.contact_id, c.type ORDER BY a.contact_id
            """,
            [.int(flip.checkID), .text(flip.status.rawValue)]
        )
        // A child's offline waits for its parents, or is suppressed behind an offline one;
        // its online goes only to contacts that heard an offline (issue 22).
        let dependency: Disposition?
        switch flip.status {
        case .offline:
            switch DependencyRule.atFlip(parents: try Self.parents(of: flip.checkID, in: tx), time: flip.time) {
            case .send: dependency = nil
            case .hold(let parent, let deadline): dependency = .hold(.dependency(parent: parent.id, name: parent.name), notBefore: deadline)
            case .suppress(let parent):
                try Self.markUnreachable(flip.checkID, parent: parent.id, since: flip.time, in: tx)
                dependency = .suppress(Self.parentOffline(parent))
            }
        default:
            dependency = try Self.unreachableParent(flip.checkID, in: tx).map { .suppress(Self.parentOffline($0)) }
            try Self.clearUnreachable(flip.checkID, in: tx)
            // A recovery ends the outage's acknowledgement (issue 23).
            try Self.clearAck(check: flip.checkID, now: flip.time, in: tx)
        }
        // Contacts that heard the outage as a fallback hear its end the same way (issue 23).
        let followers = try Self.followFallbackPath(flip, alerted: Set(contacts.map { $0.int(0) }), view: view, in: tx)
        guard !contacts.isEmpty else { return followers }
        let standing = try Self.standingHold(flip.checkID, calendar: try Self.holdCalendar(in: tx, now: flip.time), at: flip.time, in: tx)
        var eventIDs = followers
        let levels = EscalationRule.levels(contacts.map { $0.int(2) })
        for (index, row) in contacts.enumerated() {
            let contact = row.int(0)
            let lastHeard = try Self.lastHeard(check: flip.checkID, contact: contact, in: tx)
            let facts = try Self.facts(flip.status, check: flip.checkID, contact: contact, contactType: row[1].text, lastHeard: lastHeard,
                                       hold: standing, now: flip.time, budget: budget, behindHeld: true, in: tx)
            var draft = OutboxDraft(
                flipID: flip.flipID, checkID: flip.checkID, contactID: contact, status: flip.status, kind: .flip,
                checkName: flip.checkName.fitted(to: .checkName), checkType: flip.checkType, checkData: flip.maskedData.fitted(to: .checkData),
                message: flip.message.fitted(to: .message), since: flip.time, createdAt: flip.time, view: view
            )
            // Behind held rows, a flip back to the state the contact last heard is held too
            // (`behindHeld`), so the release tells it nothing rather than the same status twice.
            var disposition = NotificationPolicy.hold(facts).map { Disposition.hold($0, notBefore: 0) } ?? .send
            if case .send = disposition, let dependency, flip.status == .offline || lastHeard != .offline { disposition = dependency }
            // An escalating contact's offline waits, held in the database, until its time (issue 23).
            if flip.status == .offline, levels[index] > 0, dependency == nil {
                draft.kind = .escalation
                disposition = .hold(.escalation(level: levels[index]), notBefore: flip.time &+ row.int(2))
            }
            eventIDs.append(try Self.write(draft, disposition, in: tx))
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
            release.caughtUp += try Self.notifyReachableAgain(now: now, budget: budget, view: view, in: tx)
            release.caughtUp += try Self.writeReminders(now: now, view: view, in: tx)
            guard !groups.isEmpty else { return release }
            let calendar = try Self.holdCalendar(in: tx, now: now)
            for group in groups {
                let (checkID, contactID, count, newest, oldest) = (group.int(0), group.int(1), group.int(2), group.int(3), group.int(4))
                let check = try tx.query("SELECT status, enabled FROM checks WHERE id = ?", [.int(checkID)]).first
                let current = check.flatMap { $0.int(1) != 0 ? CheckStatus(rawValue: $0.string(0)) : nil }
                let alertTypes = try tx.query("SELECT type FROM alerts WHERE check_id = ? AND contact_id = ? AND enabled = 1", [.int(checkID), .int(contactID)])
                    .compactMap { AlertType(rawValue: $0.string(0)) }
                let contactType = try tx.query("SELECT type FROM contacts WHERE id = ?", [.int(contactID)]).first?[0].text
                let facts = try Self.facts(current ?? .online, check: checkID, contact: contactID, contactType: contactType,
                                           lastHeard: try Self.lastHeard(check: checkID, contact: contactID, in: tx),
                                           hold: try Self.standingHold(checkID, calendar: calendar, at: now, in: tx), now: now, budget: budget, behindHeld: false, in: tx)
                let first = try Self.heldRow(oldest, in: tx)
                if facts.calendarHold == nil, first.reason.hasPrefix(HoldReason.dependencyPrefix) {
                    // Held for the parents: wait for them, or suppress behind an offline one.
                    switch DependencyRule.atRelease(parents: try Self.parents(of: checkID, in: tx), heldSince: first.createdAt, deadline: first.notBefore, now: now) {
                    case .hold:
                        release.stillHeld += Int(count)
                        continue
                    case .suppress(let parent):
                        if current == .offline { try Self.markUnreachable(checkID, parent: parent.id, since: first.createdAt, in: tx) }
                        release.cancelled += Int(try Self.suppressHeld(check: checkID, contact: contactID, reason: Self.parentOffline(parent), in: tx))
                        continue
                    case .send:
                        break
                    }
                }
                if facts.calendarHold == nil, first.reason.hasPrefix(HoldReason.escalationPrefix) {
                    switch try Self.releaseEscalation(oldest, check: checkID, contact: contactID, count: count, now: now, in: tx) {
                    case .wait: release.stillHeld += Int(count)
                    case .send: release.caughtUp += 1
                    case .cancel: release.cancelled += 1
                    }
                    continue
                }
                let decision = NotificationPolicy.release(current: contactType == nil ? nil : current,
                                                          alertCovers: { status in alertTypes.contains { $0.matches(status) } }, facts: facts)
                // The parents cleared a lone offline: it goes out as it was written, with its event id.
                if case .catchUp(let status) = decision, count == 1, first.reason.hasPrefix(HoldReason.dependencyPrefix), first.status == status {
                    try Self.sendHeld(oldest, in: tx)
                    release.caughtUp += 1
                    continue
                }
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
        try write(draft, hold.map { .hold($0, notBefore: 0) } ?? .send, in: tx)
    }

    /// Writes `draft` as `disposition` says: pending (superseding the pair's held rows and
    /// becoming what the contact last heard, unless it is a `flapping` notice), held, or
    /// suppressed. Returns its event id.
    static func write(_ draft: OutboxDraft, _ disposition: Disposition, in tx: any SQLExecutor) throws -> String {
        let (state, reason, notBefore): (OutboxState, String, Int64) = switch disposition {
        case .send: (.pending, "", 0)
        case .hold(let hold, let notBefore): (.held, "\(hold)", notBefore)
        case .suppress(let why): (.suppressed, why, 0)
        }
        let event = UUID().uuidString.lowercased()
        try tx.execute(
            """
            INSERT INTO alert_outbox (event_id, flip_id, check_id, contact_id, status, check_name, check_type, check_data,
                message, state, attempts, next_attempt, claimed_until, last_error, view, created_at,
                kind, not_before, hold_reason, missed, since_at, detail, contact_type, contact_data, fallback_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(event), .text(draft.flipID), .int(draft.checkID), .int(draft.contactID), .text(draft.status.rawValue),
             .text(draft.checkName), .text(draft.checkType), .text(draft.checkData), .text(draft.message),
             .text(state.rawValue), .int(draft.createdAt), .int(draft.view),
             .int(draft.createdAt), .text(draft.kind.rawValue), .int(notBefore), .text(reason.fitted(to: .holdReason)), .int(draft.missed), .int(draft.since),
             .text(draft.detail.fitted(to: .message)), draft.contactType.sqlValue, draft.contactData.sqlValue, draft.fallbackOf.sqlValue]
        )
        if state == .pending, draft.kind != .flapping {
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
        let flip = try latestFlip(of: check, in: tx)
        let since = flip?.int(2) ?? now
        let held = reason ?? "a hold"
        let note = held == "\(HoldReason.flapping)" ? "flapping ended; " : ""
        let draft = OutboxDraft(
            flipID: flip?.string(0) ?? "", checkID: check, contactID: contact, status: status, kind: .catchUp,
            checkName: snapshot?.string(0) ?? "", checkType: snapshot?.string(1) ?? "", checkData: snapshot?.string(2) ?? "{}",
            message: flip?.string(1) ?? "", since: since, createdAt: now, view: view, missed: missed,
            detail: "\(note)\(status.rawValue) since \(isoTime(since)); \(missed) notification\(missed == 1 ? "" : "s") held by \(held)"
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

    /// What ``NotificationPolicy`` needs about telling `contact` (of `contactType`) `status`
    /// about `check` at `now`; `behindHeld` says whether older held rows count.
    static func facts(_ status: CheckStatus, check: Int64, contact: Int64, contactType: String?, lastHeard: CheckStatus?, hold: HoldReason?,
                      now: Int64, budget: NotificationBudget, behindHeld: Bool, in tx: any SQLExecutor) throws -> NotificationPolicy.Facts {
        let limit = budget.limit(forContactType: contactType)
        return NotificationPolicy.Facts(
            status: status, lastHeard: lastHeard, calendarHold: hold, limit: limit,
            sentLastHour: limit > 0 ? try sentLastHour(contact: contact, now: now, window: budget.windowMilliseconds, in: tx) : 0,
            behindHeld: behindHeld ? try hasHeld(check: check, contact: contact, in: tx) : false
        )
    }

    /// What holds every notification of `check` at `instant`: a window or a silence in
    /// `calendar`, or its flapping (issue 22).
    static func standingHold(_ check: Int64, calendar: HoldCalendar, at instant: Int64, in tx: any SQLExecutor) throws -> HoldReason? {
        if let hold = calendar.hold(checkID: check, tags: try tags(of: check, in: tx), at: instant) { return hold }
        return try flappingSince(check, in: tx) != nil ? .flapping : nil
    }

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

    /// The check's newest flip: its id, message and time (columns 0, 1 and 2), if it has one.
    static func latestFlip(of check: Int64, in tx: any SQLExecutor) throws -> SQLRow? {
        try tx.query("SELECT flip_id, message, time FROM check_flips WHERE check_id = ? ORDER BY time DESC, flip_id DESC LIMIT 1", [.int(check)]).first
    }

    static func tags(of check: Int64, in tx: any SQLExecutor) throws -> [String] {
        try tx.query("SELECT tag FROM check_tags WHERE check_id = ?", [.int(check)]).map { $0.string(0) }
    }

    static func isoTime(_ milliseconds: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}

/// How an outbox row is written.
enum Disposition {
    /// Pending: it goes out.
    case send
    /// Held for `reason`; `notBefore` (unix ms, 0 for none) is the latest a dependency hold lasts.
    case hold(HoldReason, notBefore: Int64)
    /// Suppressed for good, with why ("parent 3 (router) offline").
    case suppress(String)
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
    /// On a fallback row: the event id it stands in for.
    var fallbackOf: String? = nil
}
