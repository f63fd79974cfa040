package import BearmonCore

extension SQLStore {
    /// Stores a push. `REPLACE` (MySQL's, and SQLite's alias of INSERT OR REPLACE) swaps the
    /// node's previous row for the same key in one statement, so concurrent pushes from
    /// several workers leave exactly one row: the last one written.
    package func savePush(_ row: PushRow) throws {
        try Self.replace(row, in: database)
    }

    /// The unexpired pushes of `kind`, filtered by service name and key, ordered by key.
    package func pushes(_ kind: PushKind, service: String?, id: String?, now: Int64) throws -> [PushRow] {
        try pushes(kind, PushSelection(service: service, id: id), now: now)
    }

    /// The unexpired pushes of `kind` that `selection` picks: every filter and the window are
    /// SQL, so a query reads only the rows it answers with.
    package func pushes(_ kind: PushKind, _ selection: PushSelection, now: Int64) throws -> [PushRow] {
        var sql = "SELECT \(Self.selectedColumns(kind)) FROM \(kind.table) WHERE NOT \(PushFreshness.expiredSQL)"
        var parameters: [SQLValue] = [.int(now), .int(now)]
        if let service = selection.service {
            sql += " AND service_name = ?"
            parameters.append(.text(service))
        }
        if let id = selection.id {
            sql += " AND \(kind.keyColumn) = ?"
            parameters.append(.text(id))
        }
        if let status = selection.status, kind != .stats {
            sql += " AND status = ?"
            parameters.append(.int(status))
        }
        sql += kind == .healthCheck ? " ORDER BY healthcheck_id, node_id" : " ORDER BY node_id"
        if selection.limit != nil || selection.offset > 0 {
            // Both dialects take LIMIT n OFFSET m; "no limit" is the largest row count.
            sql += " LIMIT ? OFFSET ?"
            parameters += [.int(Int64(selection.limit ?? Int(Int64.max))), .int(Int64(max(0, selection.offset)))]
        }
        return try database.query(sql, parameters).map { Self.pushRow(kind, $0) }
    }

    /// Stores `rows` in one transaction. A row that updates its sender's existing entry is
    /// always stored; a new one only while fewer than `maxEntries` entries are stored. The
    /// count is read once per batch, and only when a new entry comes, so that the common
    /// case (services pushing the same ids again) costs a key lookup per row.
    package func savePushes(_ rows: [PushRow], maxEntries: Int) throws -> [PushSaving] {
        try database.transaction { executor in
            var stored: Int64?
            var outcomes: [PushSaving] = []
            outcomes.reserveCapacity(rows.count)
            for row in rows {
                if try !Self.entryExists(row, in: executor) {
                    let count = try stored ?? Self.storedEntries(in: executor)
                    guard count < Int64(maxEntries) else {
                        stored = count
                        outcomes.append(.full)
                        continue
                    }
                    stored = count + 1
                }
                try Self.replace(row, in: executor)
                outcomes.append(.saved)
            }
            return outcomes
        }
    }

    /// Writes `row` over its sender's previous one under the same key.
    private static func replace(_ row: PushRow, in executor: any SQLExecutor) throws {
        let (columns, values) = pushColumns(row)
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try executor.execute("REPLACE INTO \(row.kind.table) (\(columns.joined(separator: ", "))) VALUES (\(marks))", values)
    }

    /// Whether `row`'s sender already has an entry under its key.
    private static func entryExists(_ row: PushRow, in executor: any SQLExecutor) throws -> Bool {
        switch row.kind {
        case .healthCheck:
            try !executor.query("SELECT 1 FROM push_healthchecks WHERE healthcheck_id = ? AND node_id = ?", [.text(row.healthCheckID), .text(row.nodeID)]).isEmpty
        case .status, .stats:
            try !executor.query("SELECT 1 FROM \(row.kind.table) WHERE node_id = ?", [.text(row.nodeID)]).isEmpty
        }
    }

    /// The entries stored over all three push tables, expired ones not yet reaped included.
    private static func storedEntries(in executor: any SQLExecutor) throws -> Int64 {
        let tables = PushKind.allCases.map { "(SELECT COUNT(*) FROM \($0.table))" }.joined(separator: " + ")
        return try executor.query("SELECT \(tables)", []).first?.int(0) ?? 0
    }

    /// Deletes expired pushes and marks stale statuses UNKNOWN, each once. Every statement is
    /// conditional on the row's state at `now`, so two reapers racing (or a reaper racing a
    /// new push) change nothing twice: a status is only marked when its `received_at` is
    /// still the one that was found stale.
    @discardableResult
    package func reapPushes(now: Int64) throws -> PushReaping {
        var reaping = PushReaping()
        for kind in PushKind.allCases {
            reaping.expired += try database.execute("DELETE FROM \(kind.table) WHERE \(PushFreshness.expiredSQL)", [.int(now), .int(now)]).affectedRows
        }
        // A status is marked once: one already marked UNKNOWN keeps its first "Last update"
        // (queries work out the current age themselves), so a pass over many stale statuses
        // writes nothing twice.
        let stale = try database.query(
            "SELECT node_id, received_at FROM push_status WHERE \(PushFreshness.staleSQL) AND NOT (status = 0 AND info LIKE 'Last update %')", [.int(now)])
        for row in stale {
            let receivedAt = row.int(1)
            let info = PushFreshness.lastUpdate(secondsAgo: now.saturatingSubtracting(receivedAt) / 1_000)
            reaping.markedUnknown += try database.execute(
                "UPDATE push_status SET status = 0, info = ? WHERE node_id = ? AND received_at = ?",
                [.text(info), .text(row.string(0)), .int(receivedAt)]
            ).affectedRows
        }
        return reaping
    }

    private static func pushColumns(_ row: PushRow) -> ([String], [SQLValue]) {
        var columns = ["node_id", "service_name", "service_version", "timestamp", "received_at", "interval_s", "ttl_s", "body"]
        var values: [SQLValue] = [.text(row.nodeID), .text(row.serviceName), .text(row.serviceVersion), .int(row.timestamp),
                                  .int(row.receivedAt), .int(row.intervalSeconds), .int(row.ttlSeconds), .text(row.body)]
        switch row.kind {
        case .healthCheck:
            columns += ["healthcheck_id", "status"]
            values += [.text(row.healthCheckID), .int(row.status)]
        case .status:
            columns += ["status", "info"]
            values += [.int(row.status), .text(row.info)]
        case .stats:
            break
        }
        return (columns, values)
    }

    private static func selectedColumns(_ kind: PushKind) -> String {
        let common = "node_id, service_name, service_version, timestamp, received_at, interval_s, ttl_s, body"
        switch kind {
        case .healthCheck: return common + ", healthcheck_id, status, ''"
        case .status: return common + ", '', status, info"
        case .stats: return common + ", '', 0, ''"
        }
    }

    private static func pushRow(_ kind: PushKind, _ row: SQLRow) -> PushRow {
        PushRow(kind: kind, healthCheckID: row.string(8), nodeID: row.string(0), serviceName: row.string(1), serviceVersion: row.string(2),
                status: row.int(9), info: row.string(10), timestamp: row.int(3), receivedAt: row.int(4),
                intervalSeconds: row.int(5), ttlSeconds: row.int(6), body: row.string(7))
    }
}
