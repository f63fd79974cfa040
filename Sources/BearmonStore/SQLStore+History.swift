package import BearmonCore

extension SQLStore {
    /// A check's results, newest first.
    package func results(checkID: Int64, before: Int64?, limit: Int) throws -> [StoredResult] {
        let rows = try database.query(
            "SELECT id, check_id, node, time, status, message, latency_ms FROM check_results WHERE check_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
            [.int(checkID), .int(before ?? .max), .int(Int64(max(0, limit)))]
        )
        return rows.map {
            StoredResult(id: $0.int(0), record: ResultRecord(checkID: $0.int(1), node: $0.string(2), time: $0.int(3),
                                                             status: CheckStatus(rawValue: $0.string(4)) ?? .fail, message: $0.string(5),
                                                             latencyMilliseconds: $0[6].double ?? 0))
        }
    }

    /// A check's flips, newest first (by time, then flip id).
    package func flips(checkID: Int64, before: String?, limit: Int) throws -> [FlipHistoryRow] {
        var sql = "SELECT \(Self.flipColumns) FROM check_flips WHERE check_id = ?"
        var parameters: [SQLValue] = [.int(checkID)]
        if let before {
            guard let anchor = try database.query("SELECT time FROM check_flips WHERE flip_id = ? AND check_id = ?", [.text(before), .int(checkID)]).first?.int(0) else {
                return []
            }
            sql += " AND (time < ? OR (time = ? AND flip_id < ?))"
            parameters += [.int(anchor), .int(anchor), .text(before)]
        }
        sql += " ORDER BY time DESC, flip_id DESC LIMIT ?"
        parameters.append(.int(Int64(max(0, limit))))
        return try database.query(sql, parameters).map(Self.flipRow)
    }

    /// A check's flips decided in `[from, to)`, and the last one before `from` (the state the
    /// span starts in), oldest first: what uptime is computed from.
    package func flips(checkID: Int64, from: Int64, to: Int64) throws -> [FlipHistoryRow] {
        try flips(checkIDs: [checkID], from: from, to: to)[checkID] ?? []
    }

    static let flipColumns = "flip_id, check_id, status, message, view, time, began_at"

    static func flipRow(_ row: SQLRow) -> FlipHistoryRow {
        var flip = FlipHistoryRow(flipID: row.string(0), checkID: row.int(1), status: CheckStatus(rawValue: row.string(2)) ?? .offline,
                                  message: row.string(3), view: row.int(4), time: row.int(5))
        flip.beganAt = row[6].int
        return flip
    }

    /// The notifications of the flips `flipIDs`, oldest first.
    package func notifications(flipIDs: [String]) throws -> [OutboxEntry] {
        guard !flipIDs.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: flipIDs.count).joined(separator: ", ")
        return try database.query(
            "SELECT \(Self.outboxColumns) FROM alert_outbox o LEFT JOIN contacts c ON c.id = o.contact_id WHERE o.flip_id IN (\(marks)) ORDER BY o.id",
            flipIDs.map { .text($0) }
        ).map(Self.entry)
    }
}
