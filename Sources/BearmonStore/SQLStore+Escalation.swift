package import BearmonCore

/// Alert options and acknowledgements (issue 23): stored as given, judged by ``EscalationRule``.
extension SQLStore {
    static let ackColumns = "id, check_id, flip_id, acked_by, comment, until_at, created_at, cleared_at"

    /// Every alert's options, by alert id; plain alerts have none.
    package func alertOptions() throws -> [Int64: AlertOptions] {
        try Self.alertOptions(in: database)
    }

    static func alertOptions(in tx: any SQLExecutor) throws -> [Int64: AlertOptions] {
        var options: [Int64: AlertOptions] = [:]
        for row in try tx.query("SELECT alert_id, after_ms, repeat_ms, fallback_contact_id FROM alert_options") {
            options[row.int(0)] = AlertOptions(afterMilliseconds: row.int(1), repeatMilliseconds: row.int(2), fallbackContactID: row[3].int)
        }
        return options
    }

    /// Stores alert `id`'s options. Refuses durations out of range, a fallback contact that
    /// does not exist, and a fallback path that comes back to a contact already on it.
    package func setAlertOptions(_ id: Int64, _ options: AlertOptions) throws {
        _ = try applyCatalog([.setAlertOptions(alert: .id(id), after: options.afterMilliseconds, repeat: options.repeatMilliseconds,
                                               fallback: options.fallbackContactID.map { .id($0) })], quiet: true)
    }

    /// Replaces alert `id`'s options inside a catalog batch; the alert and the fallback contact must exist.
    static func writeAlertOptions(alert id: Int64, _ options: AlertOptions, in tx: any SQLExecutor) throws {
        guard try !tx.query("SELECT id FROM alerts WHERE id = ?", [.int(id)]).isEmpty else { throw StoreError.notFound("alert \(id)") }
        if let fallback = options.fallbackContactID {
            guard try !tx.query("SELECT id FROM contacts WHERE id = ?", [.int(fallback)]).isEmpty else {
                throw StoreError.invalid("alert \(id) fallback: contact \(fallback) does not exist; `bearmon contacts list` shows the ids")
            }
        }
        try tx.execute("DELETE FROM alert_options WHERE alert_id = ?", [.int(id)])
        guard !options.isPlain else { return }
        try tx.execute("INSERT INTO alert_options (alert_id, after_ms, repeat_ms, fallback_contact_id) VALUES (?, ?, ?, ?)",
                       [.int(id), .int(options.afterMilliseconds), .int(options.repeatMilliseconds), options.fallbackContactID.map { .int($0) } ?? .null])
    }

    /// Refuses a batch after which the fallback of one of `alerts` leads back to its own contact.
    static func refuseFallbackLoops(of alerts: [Int64], in tx: any SQLExecutor) throws {
        for id in alerts {
            guard let row = try tx.query(
                "SELECT a.check_id, a.contact_id, o.fallback_contact_id FROM alerts a JOIN alert_options o ON o.alert_id = a.id WHERE a.id = ?", [.int(id)]
            ).first, let fallback = row[2].int else { continue }
            try refuseFallbackLoop(check: row.int(0), from: row.int(1), to: fallback, alert: id, in: tx)
        }
    }

    /// Follows the fallbacks of `check`'s alerts from `to`; refuses when they come back to `from`.
    private static func refuseFallbackLoop(check: Int64, from: Int64, to: Int64, alert: Int64, in tx: any SQLExecutor) throws {
        let links = try tx.query(
            "SELECT a.contact_id, o.fallback_contact_id FROM alerts a JOIN alert_options o ON o.alert_id = a.id WHERE a.check_id = ? AND a.id <> ? AND o.fallback_contact_id IS NOT NULL",
            [.int(check), .int(alert)]
        )
        var next: [Int64: Int64] = [:]
        for link in links { next[link.int(0)] = link.int(1) }
        var path = [from, to]
        var current = to
        while current != from, let following = next[current], path.count <= next.count + 2 {
            path.append(following)
            current = following
        }
        guard current == from else { return }
        throw StoreError.invalid("alert \(alert) fallback: contacts \(path.map(String.init).joined(separator: " -> ")) make a loop; choose a fallback outside it")
    }

    // MARK: Acknowledgements

    /// Acknowledges `check`'s current outage for `by` until `until` (nil: until it recovers);
    /// an earlier acknowledgement of the same outage is replaced. Refuses a check that is not offline.
    package func acknowledge(check: Int64, by: String, comment: String, until: Int64?, now: Int64) throws -> AckRow {
        try checkLength("comment", comment, limit: 1024)
        try checkLength("acknowledger", by, limit: 128)
        if let until, until <= now { throw StoreError.invalid("an acknowledgement must last into the future") }
        return try database.transaction { tx in
            guard let status = try tx.query("SELECT status FROM checks WHERE id = ?", [.int(check)]).first?.string(0) else { throw StoreError.notFound("check \(check)") }
            guard status == CheckStatus.offline.rawValue, let flip = try Self.latestFlip(of: check, in: tx)?.string(0) else {
                throw StoreError.invalid("check \(check) is \(status): only an outage can be acknowledged")
            }
            try Self.clearAck(check: check, now: now, in: tx)
            let id = try tx.execute("INSERT INTO check_acks (check_id, flip_id, acked_by, comment, until_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                    [.int(check), .text(flip), .text(by), .text(comment), until.map { .int($0) } ?? .null, .int(now)]).lastInsertID
            return AckRow(id: id, checkID: check, flipID: flip, by: by, comment: comment, until: until, createdAt: now, clearedAt: nil)
        }
    }

    /// Clears `check`'s acknowledgement now; returns whether one was in force.
    @discardableResult
    package func clearAck(check: Int64, now: Int64) throws -> Bool {
        try Self.clearAck(check: check, now: now, in: database) > 0
    }

    @discardableResult
    static func clearAck(check: Int64, now: Int64, in tx: any SQLExecutor) throws -> Int64 {
        try tx.execute("UPDATE check_acks SET cleared_at = ? WHERE check_id = ? AND cleared_at IS NULL", [.int(now), .int(check)]).affectedRows
    }

    /// The acknowledgements in force at `now`, by check.
    package func activeAcks(now: Int64) throws -> [Int64: AckRow] {
        var acks: [Int64: AckRow] = [:]
        for ack in try database.query("SELECT \(Self.ackColumns) FROM check_acks WHERE cleared_at IS NULL").map(Self.ack) {
            let current = try Self.currentOutage(ack.checkID, in: database)
            if EscalationRule.acknowledged(ackFlip: ack.flipID, until: ack.until, cleared: ack.clearedAt, currentFlip: current, now: now) { acks[ack.checkID] = ack }
        }
        return acks
    }

    /// Whether `check`'s outage `flip` is acknowledged at `now`.
    static func acknowledged(check: Int64, flip: String?, now: Int64, in tx: any SQLExecutor) throws -> Bool {
        try tx.query("SELECT \(ackColumns) FROM check_acks WHERE check_id = ? AND cleared_at IS NULL", [.int(check)]).map(ack).contains {
            EscalationRule.acknowledged(ackFlip: $0.flipID, until: $0.until, cleared: $0.clearedAt, currentFlip: flip, now: now)
        }
    }

    /// The flip id of `check`'s outage when it is enabled and offline, else nil.
    static func currentOutage(_ check: Int64, in tx: any SQLExecutor) throws -> String? {
        guard let row = try tx.query("SELECT status, enabled FROM checks WHERE id = ?", [.int(check)]).first,
              row.int(1) != 0, row.string(0) == CheckStatus.offline.rawValue else { return nil }
        return try latestFlip(of: check, in: tx)?.string(0)
    }

    static func ack(_ row: SQLRow) -> AckRow {
        AckRow(id: row.int(0), checkID: row.int(1), flipID: row.string(2), by: row.string(3), comment: row.string(4),
               until: row[5].int, createdAt: row.int(6), clearedAt: row[7].int)
    }
}
