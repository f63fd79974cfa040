package import BearmonCore

extension SQLStore {
    /// Appends results in one transaction.
    package func recordResults(_ results: [ResultRecord]) throws {
        guard !results.isEmpty else { return }
        try database.transaction { tx in
            for result in results {
                try tx.execute(
                    "INSERT INTO check_results (check_id, node, time, status, message, latency_ms) VALUES (?, ?, ?, ?, ?, ?)",
                    [.int(result.checkID), .text(result.node), .int(result.time), .text(result.status.rawValue),
                     .text(result.message.fitted(to: .message)), .double(result.latencyMilliseconds)]
                )
            }
        }
    }

    /// Each check's newest result.
    package func latestResults() throws -> [Int64: ResultRecord] {
        let rows = try database.query(
            """
            SELECT r.check_id, r.node, r.time, r.status, r.message, r.latency_ms FROM check_results r
            JOIN (SELECT check_id, MAX(id) AS id FROM check_results GROUP BY check_id) newest ON newest.id = r.id
            """
        )
        var latest: [Int64: ResultRecord] = [:]
        for row in rows {
            latest[row.int(0)] = ResultRecord(checkID: row.int(0), node: row.string(1), time: row.int(2),
                                              status: CheckStatus(rawValue: row.string(3)) ?? .fail, message: row.string(4),
                                              latencyMilliseconds: row[5].double ?? 0)
        }
        return latest
    }

    /// Deletes at most `limit` results older than `time` (one small batch: see ``deleteBatch(from:where:_:limit:)``).
    @discardableResult
    package func pruneResults(before time: Int64, limit: Int) throws -> Int64 {
        try deleteBatch(from: "check_results", where: "time < ?", [.int(time)], limit: limit)
    }
}
