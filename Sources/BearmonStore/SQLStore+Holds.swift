package import BearmonCore

/// Maintenance windows and silences: stored as given, judged by ``HoldCalendar``. Callers
/// validate (``RecurringWindow``, bounds, known checks and tags); the store only checks lengths.
extension SQLStore {
    static let maintenanceColumns = "id, name, check_id, tag, starts_at, ends_at, cron, duration_s, time_zone, comment, created_by, created_at"
    static let silenceColumns = "id, check_id, tag, starts_at, expires_at, comment, created_by, created_at, ended_at"

    /// Every maintenance window, by id.
    package func maintenances() throws -> [MaintenanceRow] {
        try database.query("SELECT \(Self.maintenanceColumns) FROM maintenances ORDER BY id").map(Self.maintenance)
    }

    /// Stores a window (its `id` and `createdAt` are ignored); returns its id. Refuses a name
    /// already taken (``StoreError/conflict(_:)``).
    package func addMaintenance(_ row: MaintenanceRow, now: Int64) throws -> Int64 {
        try checkMaintenanceLengths(row)
        return try database.transaction { tx in try Self.writeMaintenance(row, id: nil, check: nil, now: now, in: tx) }
    }

    /// Refuses a window's values longer than their columns.
    func checkMaintenanceLengths(_ row: MaintenanceRow) throws {
        try checkLength("maintenance name", row.name, limit: 64)
        try checkLength("comment", row.comment, limit: 1024)
        try checkLength("creator", row.createdBy, limit: 128)
        if case .tag(let tag) = row.scope { try checkLength("tag", tag, limit: 64) }
        if case .recurring(let cron, _, let zone) = row.timing {
            try checkLength("cron expression", cron, limit: 255)
            try checkLength("time zone", zone, limit: 64)
        }
    }

    /// Inserts `row` (`id` nil) or replaces window `id`'s name, scope, timing and comment, in
    /// `tx`; `check`, when given, is the check it covers instead of the row's scope. Returns the id.
    static func writeMaintenance(_ row: MaintenanceRow, id: Int64?, check: Int64?, now: Int64, in tx: any SQLExecutor) throws -> Int64 {
        if !row.name.isEmpty, let holder = try tx.query("SELECT id FROM maintenances WHERE name = ?", [.text(row.name)]).first?.int(0), holder != id {
            throw StoreError.conflict("the maintenance name \"\(row.name)\" is taken by maintenance \(holder); choose another")
        }
        let (checkColumn, tag) = check.map { (SQLValue.int($0), SQLValue.null) } ?? scopeColumns(row.scope)
        var values: [SQLValue] = [.text(row.name), checkColumn, tag]
        switch row.timing {
        case .oneOff(let start, let end):
            values += [.int(start), .int(end), .null, .null, .null]
        case .recurring(let cron, let seconds, let zone):
            values += [.null, .null, .text(cron), .int(seconds), .text(zone)]
        }
        values.append(.text(row.comment))
        guard let id else {
            values += [.text(row.createdBy), .int(now)]
            return try tx.execute(
                """
                INSERT INTO maintenances (name, check_id, tag, starts_at, ends_at, cron, duration_s, time_zone, comment, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                values
            ).lastInsertID
        }
        guard try !tx.query("SELECT id FROM maintenances WHERE id = ?", [.int(id)]).isEmpty else { throw StoreError.notFound("maintenance \(id)") }
        try tx.execute(
            "UPDATE maintenances SET name = ?, check_id = ?, tag = ?, starts_at = ?, ends_at = ?, cron = ?, duration_s = ?, time_zone = ?, comment = ? WHERE id = ?",
            values + [.int(id)]
        )
        return id
    }

    /// Deletes a window. Rows it held are released by the controller's next pass.
    package func removeMaintenance(_ id: Int64) throws {
        guard try database.execute("DELETE FROM maintenances WHERE id = ?", [.int(id)]).affectedRows > 0 else {
            throw StoreError.notFound("maintenance \(id)")
        }
    }

    /// Every silence, expired and removed ones included, by id.
    package func silences() throws -> [SilenceRow] {
        try database.query("SELECT \(Self.silenceColumns) FROM silences ORDER BY id").map(Self.silence)
    }

    /// Stores a silence (its `id`, `createdAt` and `endedAt` are ignored); returns its id.
    package func addSilence(_ row: SilenceRow, now: Int64) throws -> Int64 {
        try checkLength("comment", row.comment, limit: 1024)
        try checkLength("creator", row.createdBy, limit: 128)
        if case .tag(let tag) = row.scope { try checkLength("tag", tag, limit: 64) }
        guard row.expiresAt > row.startsAt else { throw StoreError.invalid("a silence must expire after it starts") }
        let (check, tag) = Self.scopeColumns(row.scope)
        return try database.execute(
            "INSERT INTO silences (check_id, tag, starts_at, expires_at, comment, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [check, tag, .int(row.startsAt), .int(row.expiresAt), .text(row.comment), .text(row.createdBy), .int(now)]
        ).lastInsertID
    }

    /// Ends a silence early at `now`; it is kept for history. Ending one already over changes nothing.
    package func endSilence(_ id: Int64, now: Int64) throws {
        try database.transaction { tx in
            guard try !tx.query("SELECT id FROM silences WHERE id = ?", [.int(id)]).isEmpty else { throw StoreError.notFound("silence \(id)") }
            try tx.execute("UPDATE silences SET ended_at = ? WHERE id = ? AND ended_at IS NULL AND expires_at > ?", [.int(now), .int(id), .int(now)])
        }
    }

    /// The windows and the silences not yet over at `now`.
    package func holdCalendar(now: Int64) throws -> HoldCalendar {
        try Self.holdCalendar(in: database, now: now)
    }

    static func holdCalendar(in tx: any SQLExecutor, now: Int64) throws -> HoldCalendar {
        let windows = try tx.query("SELECT \(maintenanceColumns) FROM maintenances").map(maintenance)
        let silences = try tx.query("SELECT \(silenceColumns) FROM silences WHERE expires_at > ? AND ended_at IS NULL", [.int(now)]).map(silence)
        return HoldCalendar(maintenances: windows, silences: silences, now: now)
    }

    static func scopeColumns(_ scope: HoldScope) -> (SQLValue, SQLValue) {
        switch scope {
        case .check(let id): (.int(id), .null)
        case .tag(let tag): (.null, .text(tag))
        case .all: (.null, .null)
        }
    }

    private static func scope(check: SQLValue, tag: SQLValue) -> HoldScope {
        if let id = check.int { return .check(id) }
        if let tag = tag.text { return .tag(tag) }
        return .all
    }

    static func maintenance(_ row: SQLRow) -> MaintenanceRow {
        let timing: MaintenanceRow.Timing = if let cron = row[6].text {
            .recurring(cron: cron, durationSeconds: row.int(7), timeZone: row.string(8))
        } else {
            .oneOff(start: row.int(4), end: row.int(5))
        }
        return MaintenanceRow(id: row.int(0), name: row.string(1), scope: scope(check: row[2], tag: row[3]), timing: timing,
                              comment: row.string(9), createdBy: row.string(10), createdAt: row.int(11))
    }

    static func silence(_ row: SQLRow) -> SilenceRow {
        SilenceRow(id: row.int(0), scope: scope(check: row[1], tag: row[2]), startsAt: row.int(3), expiresAt: row.int(4),
                   comment: row.string(5), createdBy: row.string(6), createdAt: row.int(7), endedAt: row[8].int)
    }
}
