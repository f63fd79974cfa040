package import BearmonCore
import Foundation

extension SQLStore {
    static let outboxColumns = """
        o.id, o.event_id, o.flip_id, o.check_id, o.contact_id, COALESCE(c.type, o.contact_type), COALESCE(c.data, o.contact_data),
        o.status, o.check_name, o.check_type, o.check_data, o.message, o.state, o.attempts, o.next_attempt, o.last_error, o.view,
        o.receipt, o.created_at, o.kind, o.not_before, o.hold_reason, o.missed, o.since_at, o.detail
        """

    /// `attempts + 1`, stopping at INT's largest: MariaDB refuses the whole UPDATE on an out-of-range
    /// INT, and a row written by SQL with the largest count would then never record its outcome,
    /// so its notification would go out again on every claim.
    private static let attemptsPlusOne = "CASE WHEN attempts < 2147483647 THEN attempts + 1 ELSE attempts END"

    /// Row `o` waits while an older row for the same check and contact is still pending, so a
    /// contact always hears "offline" before the "online" that follows it. Claiming and
    /// alerting's self-check must agree on it: a row waiting here on purpose is not stuck.
    private static let notBehindOlderRow = """
        NOT EXISTS (SELECT 1 FROM alert_outbox p WHERE p.check_id = o.check_id AND p.contact_id = o.contact_id
                    AND p.state = 'pending' AND p.id < o.id)
        """

    /// Claims due rows, fenced by `view`: a deposed controller claims nothing. A row waits
    /// while an older row for the same check and contact is still pending, so a contact
    /// always hears "offline" before the "online" that follows it.
    package func claimOutbox(now: Int64, limit: Int, lease: Duration, view: Int64) throws -> [OutboxEntry] {
        try database.transaction { tx in
            try checkFence(view, in: tx)
            let rows = try tx.query(
                """
                SELECT \(Self.outboxColumns) FROM alert_outbox o LEFT JOIN contacts c ON c.id = o.contact_id
                WHERE o.state = 'pending' AND o.next_attempt <= ? AND o.claimed_until <= ? AND o.not_before <= ?
                AND \(Self.notBehindOlderRow)
                ORDER BY o.next_attempt, o.id LIMIT ?
                """,
                [.int(now), .int(now), .int(now), .int(Int64(limit))]
            ).map(Self.entry)
            for entry in rows {
                try tx.execute("UPDATE alert_outbox SET claimed_until = ?, view = ? WHERE id = ?", [.int(now + lease.inMilliseconds), .int(view), .int(entry.id)])
            }
            return rows
        }
    }

    /// Writes a `test` notification to `contactID`, already claimed for `lease` by its caller
    /// (which delivers it at once and records the outcome with ``completeTestNotification(_:outcome:now:)``),
    /// so that no sender picks it up meanwhile. Returns the row.
    package func queueTestNotification(contactID: Int64, now: Int64, lease: Duration) throws -> OutboxEntry {
        try database.transaction { tx in
            guard try !tx.query("SELECT id FROM contacts WHERE id = ?", [.int(contactID)]).isEmpty else { throw StoreError.notFound("contact \(contactID)") }
            let event = UUID().uuidString.lowercased()
            let id = try tx.execute(
                """
                INSERT INTO alert_outbox (event_id, flip_id, check_id, contact_id, status, check_name, check_type, check_data,
                    message, state, attempts, next_attempt, claimed_until, last_error, view, created_at, kind, since_at, detail)
                VALUES (?, '', 0, ?, 'online', 'bearmon test', 'test', '{}', ?, 'pending', 0, ?, ?, '', 0, ?, 'test', ?, ?)
                """,
                [.text(event), .int(contactID), .text("This is a test notification from bearmon; no check changed state."),
                 .int(now), .int(now + lease.inMilliseconds), .int(now), .int(now), .text("a test sent by hand")]
            ).lastInsertID
            guard let entry = try tx.query(
                "SELECT \(Self.outboxColumns) FROM alert_outbox o LEFT JOIN contacts c ON c.id = o.contact_id WHERE o.id = ?", [.int(id)]
            ).first.map(Self.entry) else { throw StoreError.notFound("test notification \(event)") }
            return entry
        }
    }

    /// Records a test notification's only attempt: a retry is recorded as failed (a test
    /// reports one attempt; run it again).
    package func completeTestNotification(_ id: Int64, outcome: OutboxOutcome, now: Int64) throws {
        let (state, error, receipt): (OutboxState, String, String?) = switch outcome {
        case .delivered(let receipt): (.delivered, "", receipt)
        case .retry(let error, _, _), .failed(let error): (.failed, error, nil)
        }
        try database.execute(
            """
            UPDATE alert_outbox SET state = ?, attempts = \(Self.attemptsPlusOne), last_error = ?, receipt = ?, next_attempt = ?,
                claimed_until = 0, delivered_at = ? WHERE id = ? AND kind = 'test'
            """,
            [.text(state.rawValue), .text(error.fitted(to: .lastError)), receipt.map { $0.fitted(to: .receipt) }.sqlValue, .int(now),
             state == .delivered ? .int(now) : .null, .int(id)]
        )
    }

    /// Records an attempt, fenced by `view`.
    package func completeOutbox(_ id: Int64, outcome: OutboxOutcome, now: Int64, view: Int64) throws {
        let (state, error, receipt, next, delivered, fallBack): (OutboxState, String, String?, Int64, Int64?, Bool) = switch outcome {
        case .delivered(let receipt): (.delivered, "", receipt, now, now, false)
        case .retry(let error, let at, let fallBack): (.pending, error, nil, at, nil, fallBack)
        case .failed(let error): (.failed, error, nil, now, nil, true)
        }
        try database.transaction { tx in
            try checkFence(view, in: tx)
            try tx.execute(
                """
                UPDATE alert_outbox SET state = ?, attempts = \(Self.attemptsPlusOne), last_error = ?, receipt = ?, next_attempt = ?,
                    claimed_until = 0, delivered_at = ? WHERE id = ?
                """,
                [.text(state.rawValue), .text(error.fitted(to: .lastError)), receipt.map { $0.fitted(to: .receipt) }.sqlValue, .int(next), delivered.map(SQLValue.int) ?? .null, .int(id)]
            )
            // A notification lost for good, or failing past `fallbackAfter`, goes to the
            // alert's fallback contact (issue 23).
            if fallBack {
                let why = state == .failed ? error : "still failing after retries, retrying meanwhile: \(error)"
                try Self.writeFallback(for: id, error: why, now: now, view: view, in: tx)
            }
        }
    }

    /// Ends the claim on a pending row without counting an attempt, fenced by `view`.
    package func releaseOutbox(_ id: Int64, view: Int64) throws {
        try database.transaction { tx in
            try checkFence(view, in: tx)
            try tx.execute("UPDATE alert_outbox SET claimed_until = 0 WHERE id = ? AND state = 'pending'", [.int(id)])
        }
    }

    /// Rows in `states`, oldest first.
    package func outbox(states: Set<OutboxState>) throws -> [OutboxEntry] {
        let list = states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        guard !list.isEmpty else { return [] }
        return try database.query(
            "SELECT \(Self.outboxColumns) FROM alert_outbox o LEFT JOIN contacts c ON c.id = o.contact_id WHERE o.state IN (\(list)) ORDER BY o.id"
        ).map(Self.entry)
    }

    /// How many rows are pending.
    package func pendingOutboxCount() throws -> Int64 {
        try database.query("SELECT COUNT(*) FROM alert_outbox WHERE state = 'pending'").first?.int(0) ?? 0
    }

    /// Pending rows, and failed rows whose last attempt ended at or after `failedSince`
    /// (a finished row's `next_attempt` is when it finished), oldest first.
    package func undeliveredOutbox(failedSince: Int64) throws -> [OutboxEntry] {
        try database.query(
            """
            SELECT \(Self.outboxColumns) FROM alert_outbox o LEFT JOIN contacts c ON c.id = o.contact_id
            WHERE o.state = 'pending' OR (o.state = 'failed' AND o.next_attempt >= ?) ORDER BY o.id
            """,
            [.int(failedSince)]
        ).map(Self.entry)
    }

    /// Deletes at most `limit` finished rows (delivered, failed, cancelled or suppressed)
    /// written or last attempted before `time`: a finished row's `next_attempt` is when its
    /// last attempt ended (or when it was written), and the `(state, next_attempt)` index
    /// finds them. Held rows are never pruned: they wait for their catch-up.
    @discardableResult
    package func pruneOutbox(before time: Int64, limit: Int) throws -> Int64 {
        try deleteBatch(from: "alert_outbox", where: "state IN ('delivered', 'failed', 'cancelled', 'suppressed') AND next_attempt < ?", [.int(time)], limit: limit)
    }

    /// The oldest row due by `now` whose first attempt has not ended, skipping rows that wait
    /// on purpose behind an older pending row for the same check and contact (they are due
    /// only once it is delivered).
    package func oldestDueNotification(now: Int64) throws -> DueNotification? {
        try database.query(
            """
            SELECT o.event_id, o.check_id, o.contact_id, o.next_attempt FROM alert_outbox o
            WHERE o.state = 'pending' AND o.attempts = 0 AND o.next_attempt <= ? AND o.not_before <= ?
            AND \(Self.notBehindOlderRow)
            ORDER BY o.next_attempt, o.id LIMIT 1
            """,
            [.int(now), .int(now)]
        ).first.map { DueNotification(eventID: $0.string(0), checkID: $0.int(1), contactID: $0.int(2), dueAt: $0.int(3)) }
    }

    /// Adds a charge.
    package func recordCharge(checkID: Int64, type: String, data: String) throws {
        try database.execute("INSERT INTO charges (check_id, type, data) VALUES (?, ?, ?)", [.int(checkID), .text(type), .text(data.fitted(to: .chargeData))])
    }

    static func entry(_ row: SQLRow) -> OutboxEntry {
        var entry = OutboxEntry(
            id: row.int(0), eventID: row.string(1), flipID: row.string(2), checkID: row.int(3), contactID: row.int(4),
            contactType: row[5].text, contactData: row[6].text, status: CheckStatus(rawValue: row.string(7)) ?? .offline,
            checkName: row.string(8), checkType: row.string(9), checkData: row.string(10), message: row.string(11),
            state: OutboxState(rawValue: row.string(12)) ?? .pending, attempts: row.int(13), nextAttempt: row.int(14),
            lastError: row.string(15), view: row.int(16), receipt: row[17].text, createdAt: row.int(18)
        )
        entry.kind = NotificationKind(rawValue: row.string(19)) ?? .flip
        entry.notBefore = row.int(20)
        entry.holdReason = row.string(21)
        entry.missed = row.int(22)
        entry.since = row.int(23)
        entry.detail = row.string(24)
        return entry
    }
}
