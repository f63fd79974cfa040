package import BearmonCore

/// Reads for pages that show many checks at once (the dashboard, the status page): one query
/// per list of checks, never one per check, so a page of 100 checks costs a few queries.
extension SQLStore {
    /// Ids per `IN (...)` list: well under SQLite's and MariaDB's limits on placeholders.
    static let idsPerQuery = 500

    /// Daily aggregates of `checkIDs` for local days `from...to`, by check, oldest first.
    package func dailyAggregates(checkIDs: [Int64], from: Int64, to: Int64) throws -> [Int64: [(day: Int64, aggregate: ResultAggregate)]] {
        try grouped(checkIDs) { marks, ids in
            try database.query(
                """
                SELECT check_id, day, results, online, latency_sum, latency_min, latency_max, first_at, last_at FROM check_daily
                WHERE check_id IN (\(marks)) AND day >= ? AND day <= ? ORDER BY check_id, day
                """,
                ids + [.int(from), .int(to)]
            ).map { ($0.int(0), (day: $0.int(1), aggregate: Self.aggregate($0, from: 2))) }
        }
    }

    /// Hourly aggregates of `checkIDs` in `[from, to)` (unix ms), by check, oldest first.
    package func hourlyAggregates(checkIDs: [Int64], from: Int64, to: Int64) throws -> [Int64: [(hourStart: Int64, aggregate: ResultAggregate)]] {
        try grouped(checkIDs) { marks, ids in
            try database.query(
                """
                SELECT check_id, hour_start, results, online, latency_sum, latency_min, latency_max, first_at, last_at FROM check_hourly
                WHERE check_id IN (\(marks)) AND hour_start >= ? AND hour_start < ? ORDER BY check_id, hour_start
                """,
                ids + [.int(from), .int(to)]
            ).map { ($0.int(0), (hourStart: $0.int(1), aggregate: Self.aggregate($0, from: 2))) }
        }
    }

    /// Each worker's newest result for each of `checkIDs`, among those at or after `since`.
    package func latestResults(checkIDs: [Int64], since: Int64) throws -> [Int64: [ResultRecord]] {
        try grouped(checkIDs) { marks, ids in
            try database.query(
                """
                SELECT r.check_id, r.node, r.time, r.status, r.message, r.latency_ms FROM check_results r
                JOIN (SELECT MAX(id) AS id FROM check_results WHERE check_id IN (\(marks)) AND time >= ? GROUP BY check_id, node) newest
                ON newest.id = r.id ORDER BY r.check_id, r.node
                """,
                ids + [.int(since)]
            ).map {
                ($0.int(0), ResultRecord(checkID: $0.int(0), node: $0.string(1), time: $0.int(2), status: CheckStatus(rawValue: $0.string(3)) ?? .fail,
                                         message: $0.string(4), latencyMilliseconds: $0[5].double ?? 0))
            }
        }
    }

    /// The flips of `checkIDs` decided at or after `since`, newest first, at most `limit`.
    package func flips(checkIDs: [Int64], since: Int64, limit: Int) throws -> [FlipHistoryRow] {
        let flips = try grouped(checkIDs) { marks, ids in
            try database.query(
                "SELECT \(Self.flipColumns) FROM check_flips WHERE check_id IN (\(marks)) AND time >= ? ORDER BY time DESC, flip_id DESC LIMIT ?",
                ids + [.int(since), .int(Int64(max(0, limit)))]
            ).map { ($0.int(1), Self.flipRow($0)) }
        }.values.joined()
        return Array(flips.sorted { ($0.time, $0.flipID) > ($1.time, $1.flipID) }.prefix(max(0, limit)))
    }

    /// Each of `checkIDs`' flips decided in `[from, to)` and the last one before `from`, oldest first, by check.
    package func flips(checkIDs: [Int64], from: Int64, to: Int64) throws -> [Int64: [FlipHistoryRow]] {
        let prefixed = Self.flipColumns.split(separator: ", ").map { "f.\($0)" }.joined(separator: ", ")
        let before = try grouped(checkIDs) { marks, ids in
            // Every flip at each check's last time before `from`; ties on time go to the greatest id, as in the one-check read.
            try database.query(
                """
                SELECT \(prefixed) FROM check_flips f
                JOIN (SELECT check_id, MAX(time) AS last FROM check_flips WHERE check_id IN (\(marks)) AND time < ? GROUP BY check_id) b
                ON f.check_id = b.check_id AND f.time = b.last
                """,
                ids + [.int(from)]
            ).map { ($0.int(1), Self.flipRow($0)) }
        }
        let inside = try grouped(checkIDs) { marks, ids in
            try database.query(
                "SELECT \(Self.flipColumns) FROM check_flips WHERE check_id IN (\(marks)) AND time >= ? AND time < ? ORDER BY check_id, time, flip_id",
                ids + [.int(from), .int(to)]
            ).map { ($0.int(1), Self.flipRow($0)) }
        }
        var byCheck: [Int64: [FlipHistoryRow]] = [:]
        for id in Set(before.keys).union(inside.keys) {
            let last = before[id]?.max { $0.flipID < $1.flipID }
            byCheck[id] = (last.map { [$0] } ?? []) + (inside[id] ?? [])
        }
        return byCheck
    }

    /// Runs `query` over `checkIDs` in lists of ``idsPerQuery`` and groups its rows by check.
    private func grouped<Row>(_ checkIDs: [Int64], _ query: (String, [SQLValue]) throws -> [(Int64, Row)]) throws -> [Int64: [Row]] {
        var byCheck: [Int64: [Row]] = [:]
        for start in stride(from: 0, to: checkIDs.count, by: Self.idsPerQuery) {
            let chunk = checkIDs[start..<min(start + Self.idsPerQuery, checkIDs.count)]
            for (id, row) in try query(Array(repeating: "?", count: chunk.count).joined(separator: ", "), chunk.map { .int($0) }) {
                byCheck[id, default: []].append(row)
            }
        }
        return byCheck
    }
}
