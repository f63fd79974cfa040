package import BearmonCore

/// Dependencies between checks (issue 22): stored as edges, judged by ``DependencyGraph``
/// when written and by ``DependencyRule`` when a child goes offline.
extension SQLStore {
    /// Every check's parents, sorted; checks without parents are absent.
    package func dependencies() throws -> [Int64: [Int64]] {
        try Self.dependencies(in: database)
    }

    static func dependencies(in tx: any SQLExecutor) throws -> [Int64: [Int64]] {
        var parents: [Int64: [Int64]] = [:]
        for row in try tx.query("SELECT check_id, parent_id FROM check_dependencies ORDER BY check_id, parent_id") {
            parents[row.int(0), default: []].append(row.int(1))
        }
        return parents
    }

    /// Replaces `check`'s parents with `parents`, refusing itself, unknown checks and too many.
    static func writeDependencies(check: Int64, parents: [Int64], in tx: any SQLExecutor) throws {
        let unique = Array(Set(parents)).sorted()
        guard unique.count <= DependencyGraph.maxParents else {
            throw StoreError.invalid("check \(check) would depend on \(unique.count) checks; at most \(DependencyGraph.maxParents) parents are allowed (a tag and a maintenance window suit a larger group)")
        }
        if unique.contains(check) { throw StoreError.invalid("check \(check) cannot depend on itself; name another check as its parent") }
        guard try !tx.query("SELECT id FROM checks WHERE id = ?", [.int(check)]).isEmpty else { throw StoreError.notFound("check \(check)") }
        for parent in unique where try tx.query("SELECT id FROM checks WHERE id = ?", [.int(parent)]).isEmpty {
            throw StoreError.invalid("check \(check) cannot depend on check \(parent): it does not exist; name an existing check")
        }
        try tx.execute("DELETE FROM check_dependencies WHERE check_id = ?", [.int(check)])
        for parent in unique {
            try tx.execute("INSERT INTO check_dependencies (check_id, parent_id) VALUES (?, ?)", [.int(check), .int(parent)])
        }
    }

    /// Refuses the batch when the stored edges now form a cycle, naming it.
    static func refuseDependencyCycle(in tx: any SQLExecutor) throws {
        guard let cycle = DependencyGraph(parents: try dependencies(in: tx)).cycle() else { return }
        throw StoreError.invalid("these dependencies form a cycle: \(DependencyGraph.describe(cycle)); remove one of its edges")
    }

    /// `check`'s enabled parents, each with its last confirmed state (or stored status).
    static func parents(of check: Int64, in tx: any SQLExecutor) throws -> [DependencyRule.Parent] {
        try tx.query(
            """
            SELECT c.id, c.name, c.check_interval, c.status, s.states, s.confirmed_at,
                (SELECT MAX(f.time) FROM check_flips f WHERE f.check_id = c.id)
            FROM check_dependencies d JOIN checks c ON c.id = d.parent_id LEFT JOIN check_alert_states s ON s.check_id = c.id
            WHERE d.check_id = ? AND c.enabled = 1 ORDER BY c.id
            """,
            [.int(check)]
        ).map { row in
            let stored = row[3].text.flatMap(CheckStatus.init(rawValue:)) ?? .online
            let confirmedAt = row[5].int ?? 0
            // A confirmed state newer than the parent's last written flip is the freshest word
            // (its flip may still be on its way to the store); an older one is stale.
            let confirmed = confirmedAt > (row[6].int ?? 0) ? row[4].text.flatMap { FlappingRule.decode($0).last } : nil
            return DependencyRule.Parent(id: row.int(0), name: row.string(1), intervalSeconds: row.int(2),
                                         status: confirmed ?? stored, confirmedAt: confirmedAt)
        }
    }
}
