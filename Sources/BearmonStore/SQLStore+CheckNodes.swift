package import BearmonCore

extension SQLStore {
    /// Every pinned check's nodes, sorted; checks any worker may run are absent.
    package func checkNodes() throws -> [Int64: [String]] {
        var nodes: [Int64: [String]] = [:]
        for row in try database.query("SELECT check_id, node FROM check_nodes ORDER BY check_id, node") {
            nodes[row.int(0), default: []].append(row.string(1))
        }
        return nodes
    }

    /// Pins check `id` to `nodes`, replacing what it had; an empty list unpins it.
    package func setCheckNodes(_ id: Int64, _ nodes: [String]) throws {
        _ = try applyCatalog([.pinCheck(check: .id(id), nodes: nodes)], quiet: true)
    }

    /// Replaces check `id`'s pinned nodes inside a catalog batch; the check must exist.
    static func writeNodes(check id: Int64, _ nodes: [String], in tx: any SQLExecutor) throws {
        guard try !tx.query("SELECT id FROM checks WHERE id = ?", [.int(id)]).isEmpty else { throw StoreError.notFound("check \(id)") }
        try tx.execute("DELETE FROM check_nodes WHERE check_id = ?", [.int(id)])
        for node in Set(nodes).sorted() {
            try tx.execute("INSERT INTO check_nodes (check_id, node) VALUES (?, ?)", [.int(id), .text(node)])
        }
    }
}
