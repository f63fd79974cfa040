extension SQLStore {
    /// Deletes at most `limit` rows of `table` that match `condition`, oldest id first, in
    /// two short statements both backends accept (MySQL refuses `LIMIT` in an `IN` subquery,
    /// and SQLite's `DELETE ... LIMIT` is a compile-time option). A small batch keeps each
    /// lock short, so that a caller pruning in a loop lets flips and outbox claims in between.
    /// The condition is repeated in the `DELETE`, so a row that stopped matching in between
    /// stays.
    func deleteBatch(from table: String, where condition: String, _ values: [SQLValue], limit: Int) throws -> Int64 {
        let ids = try database.query("SELECT id FROM \(table) WHERE \(condition) ORDER BY id LIMIT ?", values + [.int(Int64(max(1, limit)))])
            .map { SQLValue.int($0.int(0)) }
        guard !ids.isEmpty else { return 0 }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return try database.execute("DELETE FROM \(table) WHERE id IN (\(marks)) AND \(condition)", ids + values).affectedRows
    }

    /// ``deleteBatch(from:where:_:limit:)`` for a table keyed by `key` (two columns) instead of `id`.
    func deleteBatch(from table: String, key: (String, String), where condition: String, _ values: [SQLValue], limit: Int) throws -> Int64 {
        let keys = try database.query(
            "SELECT \(key.0), \(key.1) FROM \(table) WHERE \(condition) ORDER BY \(key.0), \(key.1) LIMIT ?", values + [.int(Int64(max(1, limit)))]
        )
        guard !keys.isEmpty else { return 0 }
        let marks = Array(repeating: "(\(key.0) = ? AND \(key.1) = ?)", count: keys.count).joined(separator: " OR ")
        return try database.execute("DELETE FROM \(table) WHERE (\(marks)) AND \(condition)", keys.flatMap { [$0[0], $0[1]] } + values).affectedRows
    }
}
