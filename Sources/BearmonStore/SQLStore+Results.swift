package import BearmonCore

extension SQLStore {
    /// Appends results in one transaction, with their hourly and daily aggregates (days cut
    /// in `days`). A batch id already written (a transaction run again after its commit's
    /// answer was lost) changes nothing, so nothing is counted twice.
    package func recordResults(_ results: [ResultRecord], batchID: String, days: DayCalendar) throws {
        guard !results.isEmpty else { return }
        let rollup = ResultRollup(results, days: days)
        try database.transaction { tx in
            guard try tx.query("SELECT 1 FROM result_batches WHERE batch_id = ?", [.text(batchID)]).isEmpty else { return }
            try tx.execute("INSERT INTO result_batches (batch_id, written_at) VALUES (?, ?)", [.text(batchID), .int(Self.nowMilliseconds())])
            try upsert(rollup.hourly, into: "check_hourly", bucketColumn: "hour_start", in: tx)
            try upsert(rollup.daily, into: "check_daily", bucketColumn: "day", in: tx)
            try tx.insertRows(
                "INSERT INTO check_results (check_id, node, time, status, message, latency_ms)", width: 6, count: results.count
            ) { index, values in
                let result = results[index]
                values.append(.int(result.checkID))
                values.append(.text(result.node))
                values.append(.int(result.time))
                values.append(.text(result.status.rawValue))
                values.append(.text(result.message.fitted(to: .message)))
                values.append(.double(result.latencyMilliseconds))
            }
        }
    }

    /// Adds each aggregate to its bucket's row, creating rows as needed, in key order (so
    /// that two writers lock rows in the same order).
    private func upsert(_ aggregates: [ResultRollup.BucketKey: ResultAggregate], into table: String, bucketColumn: String, in tx: any SQLExecutor) throws {
        let mysql = database.dialect == .mysql
        let incoming = { (column: String) in mysql ? "VALUES(\(column))" : "excluded.\(column)" }
        // Counts stop at BIGINT's largest: MariaDB fails a statement that overflows one, and a
        // bucket written by SQL near the top would then have failed every history write that
        // touched it, for every check in the batch. (The incoming counts are small and positive.)
        let count = { (column: String) in
            "\(column) = CASE WHEN \(column) > \(Int64.max) - \(incoming(column)) THEN \(Int64.max) ELSE \(column) + \(incoming(column)) END"
        }
        let (least, greatest) = mysql ? ("LEAST", "GREATEST") : ("MIN", "MAX")
        let merge = (mysql ? "ON DUPLICATE KEY UPDATE " : "ON CONFLICT (check_id, \(bucketColumn)) DO UPDATE SET ") + """
            \(count("results")), \(count("online")), latency_sum = latency_sum + \(incoming("latency_sum")),
            latency_min = \(least)(latency_min, \(incoming("latency_min"))), latency_max = \(greatest)(latency_max, \(incoming("latency_max"))),
            first_at = \(least)(first_at, \(incoming("first_at"))), last_at = \(greatest)(last_at, \(incoming("last_at")))
            """
        let sorted = aggregates.sorted { $0.key < $1.key }
        try tx.insertRows(
            "INSERT INTO \(table) (check_id, \(bucketColumn), results, online, latency_sum, latency_min, latency_max, first_at, last_at)",
            width: 9, count: sorted.count, tail: merge
        ) { index, values in
            let (key, aggregate) = sorted[index]
            values.append(.int(key.checkID))
            values.append(.int(key.bucket))
            values.append(.int(aggregate.results))
            values.append(.int(aggregate.online))
            values.append(.double(aggregate.latencySum))
            values.append(.double(aggregate.latencyMin))
            values.append(.double(aggregate.latencyMax))
            values.append(.int(aggregate.firstAt))
            values.append(.int(aggregate.lastAt))
        }
    }

    /// A check's hourly aggregates from `from` (unix ms, inclusive) to `to` (exclusive), oldest first.
    package func hourlyAggregates(checkID: Int64, from: Int64, to: Int64) throws -> [(hourStart: Int64, aggregate: ResultAggregate)] {
        try database.query(
            """
            SELECT hour_start, results, online, latency_sum, latency_min, latency_max, first_at, last_at FROM check_hourly
            WHERE check_id = ? AND hour_start >= ? AND hour_start < ? ORDER BY hour_start
            """,
            [.int(checkID), .int(from), .int(to)]
        ).map { ($0.int(0), Self.aggregate($0)) }
    }

    /// A check's daily aggregates for local days `from...to`, oldest first.
    package func dailyAggregates(checkID: Int64, from: Int64, to: Int64) throws -> [(day: Int64, aggregate: ResultAggregate)] {
        try database.query(
            """
            SELECT day, results, online, latency_sum, latency_min, latency_max, first_at, last_at FROM check_daily
            WHERE check_id = ? AND day >= ? AND day <= ? ORDER BY day
            """,
            [.int(checkID), .int(from), .int(to)]
        ).map { ($0.int(0), Self.aggregate($0)) }
    }

    /// Deletes at most `limit` hourly aggregates of hours before `hourStart`, daily ones of days
    /// before `day`, and batch markers written before `batchesBefore`; returns how many rows.
    @discardableResult
    package func pruneAggregates(hoursBefore hourStart: Int64, daysBefore day: Int64, batchesBefore: Int64, limit: Int) throws -> Int64 {
        try deleteBatch(from: "check_hourly", key: ("check_id", "hour_start"), where: "hour_start < ?", [.int(hourStart)], limit: limit)
            + deleteBatch(from: "check_daily", key: ("check_id", "day"), where: "day < ?", [.int(day)], limit: limit)
            + deleteBatch(from: "result_batches", key: ("batch_id", "written_at"), where: "written_at < ?", [.int(batchesBefore)], limit: limit)
    }

    /// The aggregate in `row`'s columns from `first` on (results, online, latency sum, min, max, first and last result).
    static func aggregate(_ row: SQLRow, from first: Int = 1) -> ResultAggregate {
        ResultAggregate(results: row.int(first), online: row.int(first + 1), latencySum: row[first + 2].double ?? 0, latencyMin: row[first + 3].double ?? 0,
                        latencyMax: row[first + 4].double ?? 0, firstAt: row.int(first + 5), lastAt: row.int(first + 6))
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
