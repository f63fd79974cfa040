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
        try insertRows(head, width: width, count: rows.count, tail: tail) { index, parameters in parameters += rows[index] }
    }

    /// Inserts `count` rows as ``insertRows(_:width:_:tail:)`` does, with `appendRow(i, &parameters)`
    /// appending row `i`'s `width` values. Writers of thousands of rows a second use it so that
    /// no row becomes an array of its own: at 10,000 results a second those arrays were 2.5 MB
    /// of every flush.
    package func insertRows(
        _ head: String, width: Int, count: Int, tail: String = "", appendRow: (Int, inout [SQLValue]) -> Void
    ) throws {
        precondition(width > 0 && count >= 0, "a positive width and a row count")
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        var start = 0
        var parameters: [SQLValue] = []
        for size in Self.rowChunkSizes {
            guard count - start >= size else { continue }
            let sql = head + " VALUES " + Array(repeating: tuple, count: size).joined(separator: ", ") + (tail.isEmpty ? "" : " " + tail)
            while count - start >= size {
                parameters.removeAll(keepingCapacity: true)
                parameters.reserveCapacity(size * width)
                for index in start..<(start + size) {
                    appendRow(index, &parameters)
                    precondition(parameters.count == (index - start + 1) * width, "each row has \(width) values")
                }
                try execute(sql, parameters)
                start += size
            }
        }
    }
}
