extension SQLExecutor {
    /// The row counts a multi-row statement is cut into, largest first. A few fixed sizes keep
    /// the statement texts (each prepared once per connection) few, whatever the batch size.
    static var rowChunkSizes: [Int] { [128, 32, 8, 2, 1] }

    /// Inserts `rows` (each `width` values, in the order of `head`'s column list) with as few
    /// statements as ``rowChunkSizes`` allow: `head VALUES (?, …), (?, …)… tail`. `tail` may
    /// hold an upsert clause; it must not depend on how many rows a statement carries. One
    /// statement per row cost a round trip to MariaDB each, which was the history writer's
    /// largest cost at thousands of results a second.
    package func insertRows(_ head: String, width: Int, _ rows: [[SQLValue]], tail: String = "") throws {
        precondition(width > 0 && rows.allSatisfy { $0.count == width }, "each row has \(width) values")
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        var start = rows.startIndex
        for size in Self.rowChunkSizes {
            guard rows.endIndex - start >= size else { continue }
            let sql = head + " VALUES " + Array(repeating: tuple, count: size).joined(separator: ", ") + (tail.isEmpty ? "" : " " + tail)
            while rows.endIndex - start >= size {
                var parameters: [SQLValue] = []
                parameters.reserveCapacity(size * width)
                for row in rows[start..<(start + size)] { parameters += row }
                try execute(sql, parameters)
                start += size
            }
        }
    }
}
