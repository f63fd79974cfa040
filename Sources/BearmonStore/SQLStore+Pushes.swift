package import BearmonCore

extension SQLStore {
    /// Stores a push. `REPLACE` (MySQL's, and SQLite's alias of INSERT OR REPLACE) swaps the
    /// node's previous row for the same key in one statement, so concurrent pushes from
    /// several workers leave exactly one row: the last one written.
    package func savePush(_ row: PushRow) throws {
        let (columns, values) = Self.pushColumns(row)
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try database.execute("REPLACE INTO \(row.kind.table) (\(columns.joined(separator: ", "))) VALUES (\(marks))", values)
    }

    /// The unexpired pushes of `kind`, filtered by service name and key, ordered by key.
    package func pushes(_ kind: PushKind, service: String?, id: String?, now: Int64) throws -> [PushRow] {
        let key = kind == .healthCheck ? "healthcheck_id" : "node_id"
        var sql = "SELECT \(Self.selectedColumns(kind)) FROM \(kind.table) WHERE NOT \(PushFreshness.expiredSQL)"
        var parameters: [SQLValue] = [.int(now), .int(now)]
        if let service {
            sql += " AND service_name = ?"
            parameters.append(.text(service))
        }
        if let id {
            sql += " AND \(key) = ?"
            parameters.append(.text(id))
        }
        sql += kind == .healthCheck ? " ORDER BY healthcheck_id, node_id" : " ORDER BY node_id"
        return try database.query(sql, parameters).map { Self.pushRow(kind, $0) }
    }

    /// Deletes expired pushes and marks stale statuses UNKNOWN. Every statement is
    /// conditional on the row's state at `now`, so two reapers racing (or a reaper racing a
    /// new push) change nothing twice: a status is only marked when its `received_at` is
    /// still the one that was found stale.
    @discardableResult
    package func reapPushes(now: Int64) throws -> PushReaping {
        var reaping = PushReaping()
        for kind in PushKind.allCases {
            reaping.expired += try database.execute("DELETE FROM \(kind.table) WHERE \(PushFreshness.expiredSQL)", [.int(now), .int(now)]).affectedRows
        }
        let stale = try database.query("SELECT node_id, received_at FROM push_status WHERE \(PushFreshness.staleSQL)", [.int(now)])
        for row in stale {
            let receivedAt = row.int(1)
            let info = PushFreshness.lastUpdate(secondsAgo: (now - receivedAt) / 1_000)
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
