package import BearmonCore

extension SQLStore {
    /// Every check's tags, sorted.
    package func checkTags() throws -> [Int64: [String]] {
        var tags: [Int64: [String]] = [:]
        for row in try database.query("SELECT check_id, tag FROM check_tags ORDER BY check_id, tag") {
            tags[row.int(0), default: []].append(row.string(1))
        }
        return tags
    }

    /// The ids of public checks.
    package func publicCheckIDs() throws -> Set<Int64> {
        Set(try database.query("SELECT check_id FROM check_options WHERE public <> 0").map { $0.int(0) })
    }

    /// Check `id`'s tags, sorted, and whether it is marked public.
    package func checkLabels(_ id: Int64) throws -> (tags: [String], isPublic: Bool) {
        let tags = try database.query("SELECT tag FROM check_tags WHERE check_id = ? ORDER BY tag", [.int(id)]).map { $0.string(0) }
        let isPublic = try database.query("SELECT public FROM check_options WHERE check_id = ?", [.int(id)]).first.map { $0.int(0) != 0 } ?? false
        return (tags, isPublic)
    }

    /// Every named contact's name.
    package func contactNames() throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try database.query("SELECT contact_id, name FROM contact_names") { names[row.int(0)] = row.string(1) }
        return names
    }

    /// Applies a batch in one transaction.
    @discardableResult
    package func applyCatalog(_ changes: [CatalogChange], quiet: Bool) throws -> [String: Int64] {
        for change in changes { try checkLengths(change) }
        return try database.transaction { tx in
            let listeners = try Self.offlineListeners(in: tx)
            var added: [String: Int64] = [:]
            var optioned: [Int64] = []
            func resolve(_ ref: CatalogRef) throws -> Int64 {
                switch ref {
                case .id(let id): return id
                case .new(let key):
                    guard let id = added[key] else { throw StoreError.invalid("the batch refers to \(key) before adding it") }
                    return id
                }
            }
            for change in changes {
                switch change {
                case .addCheck(let key, let check, let tags, let isPublic):
                    let id = try tx.execute(
                        "INSERT INTO checks (name, type, data, check_interval, delay, status, enabled) VALUES (?, ?, ?, ?, ?, 'online', ?)",
                        [.text(check.name), .text(check.type), .text(check.data), .int(check.interval), .int(check.delay), .int(check.enabled ? 1 : 0)]
                    ).lastInsertID
                    try Self.writeExtras(check: id, tags: tags, isPublic: isPublic, in: tx)
                    added[key] = id
                case .updateCheck(let id, let check, let tags, let isPublic):
                    try Self.require("checks", id, what: "check", in: tx)
                    try tx.execute(
                        "UPDATE checks SET name = ?, type = ?, data = ?, check_interval = ?, delay = ?, enabled = ? WHERE id = ?",
                        [.text(check.name), .text(check.type), .text(check.data), .int(check.interval), .int(check.delay), .int(check.enabled ? 1 : 0), .int(id)]
                    )
                    try Self.writeExtras(check: id, tags: tags, isPublic: isPublic, in: tx)
                case .removeCheck(let id):
                    guard try tx.execute("DELETE FROM checks WHERE id = ?", [.int(id)]).affectedRows > 0 else { throw StoreError.notFound("check \(id)") }
                    try Self.forgetCheck(id, in: tx)
                case .addContact(let key, let type, let data, let name):
                    let id = try tx.execute("INSERT INTO contacts (type, data) VALUES (?, ?)", [.text(type), .text(data)]).lastInsertID
                    try Self.writeName(contact: id, name: name, in: tx)
                    added[key] = id
                case .updateContact(let id, let type, let data, let name):
                    try Self.require("contacts", id, what: "contact", in: tx)
                    try tx.execute("UPDATE contacts SET type = ?, data = ? WHERE id = ?", [.text(type), .text(data), .int(id)])
                    try Self.writeName(contact: id, name: name, in: tx)
                case .removeContact(let id):
                    guard try tx.execute("DELETE FROM contacts WHERE id = ?", [.int(id)]).affectedRows > 0 else { throw StoreError.notFound("contact \(id)") }
                    try Self.forgetContact(id, in: tx)
                case .addAlert(let key, let check, let contact, let type, let enabled):
                    let checkID = try resolve(check), contactID = try resolve(contact)
                    try Self.require("checks", checkID, what: "check", in: tx)
                    try Self.require("contacts", contactID, what: "contact", in: tx)
                    added[key] = try tx.execute("INSERT INTO alerts (check_id, contact_id, type, enabled) VALUES (?, ?, ?, ?)",
                                                [.int(checkID), .int(contactID), .text(type.rawValue), .int(enabled ? 1 : 0)]).lastInsertID
                case .updateAlert(let id, let type, let enabled):
                    try Self.require("alerts", id, what: "alert", in: tx)
                    try tx.execute("UPDATE alerts SET type = ?, enabled = ? WHERE id = ?", [.text(type.rawValue), .int(enabled ? 1 : 0), .int(id)])
                case .removeAlert(let id):
                    guard try tx.execute("DELETE FROM alerts WHERE id = ?", [.int(id)]).affectedRows > 0 else { throw StoreError.notFound("alert \(id)") }
                    // Left behind, its options would carry over to a later alert SQLite gives the same id.
                    try tx.execute("DELETE FROM alert_options WHERE alert_id = ?", [.int(id)])
                case .addMaintenance(let key, let row, let check):
                    added[key] = try Self.writeMaintenance(row, id: nil, check: try check.map(resolve), now: Self.nowMilliseconds(), in: tx)
                case .updateMaintenance(let id, let row, let check):
                    try Self.writeMaintenance(row, id: id, check: try check.map(resolve), now: Self.nowMilliseconds(), in: tx)
                case .removeMaintenance(let id):
                    guard try tx.execute("DELETE FROM maintenances WHERE id = ?", [.int(id)]).affectedRows > 0 else { throw StoreError.notFound("maintenance \(id)") }
                case .setDependencies(let check, let parents):
                    try Self.writeDependencies(check: try resolve(check), parents: try parents.map(resolve), in: tx)
                case .pinCheck(let check, let nodes):
                    try Self.writeNodes(check: try resolve(check), nodes, in: tx)
                case .setAlertOptions(let alert, let after, let every, let fallback):
                    let id = try resolve(alert)
                    try Self.writeAlertOptions(alert: id, AlertOptions(afterMilliseconds: after, repeatMilliseconds: every, fallbackContactID: try fallback.map(resolve)), in: tx)
                    optioned.append(id)
                }
            }
            try Self.refuseFallbackLoops(of: optioned, in: tx)
            if changes.contains(where: { if case .setDependencies = $0 { true } else { false } }) { try Self.refuseDependencyCycle(in: tx) }
            try Self.settleLedger(listeners: listeners, now: Self.nowMilliseconds(), quiet: quiet, in: tx)
            return added
        }
    }

    /// Deletes what bearmon keeps beside a removed check.
    static func forgetCheck(_ id: Int64, in tx: any SQLExecutor) throws {
        try tx.execute("DELETE FROM alert_options WHERE alert_id IN (SELECT id FROM alerts WHERE check_id = ?)", [.int(id)])
        try tx.execute("DELETE FROM alerts WHERE check_id = ?", [.int(id)])
        try tx.execute("DELETE FROM check_tags WHERE check_id = ?", [.int(id)])
        try tx.execute("DELETE FROM check_options WHERE check_id = ?", [.int(id)])
        // Its edges both ways go: a deleted parent no longer holds its children's notifications.
        try tx.execute("DELETE FROM check_dependencies WHERE check_id = ? OR parent_id = ?", [.int(id), .int(id)])
        try tx.execute("DELETE FROM check_alert_states WHERE check_id = ?", [.int(id)])
        try tx.execute("DELETE FROM check_nodes WHERE check_id = ?", [.int(id)])
        // A window or silence naming a deleted check must not cover a later check that SQLite
        // gives the same id: windows go, running silences end (and are kept for history).
        try tx.execute("DELETE FROM maintenances WHERE check_id = ?", [.int(id)])
        let now = nowMilliseconds()
        try tx.execute("UPDATE silences SET ended_at = ? WHERE check_id = ? AND ended_at IS NULL AND expires_at > ?", [.int(now), .int(id), .int(now)])
    }

    /// Deletes what bearmon keeps beside a removed contact.
    static func forgetContact(_ id: Int64, in tx: any SQLExecutor) throws {
        try tx.execute("DELETE FROM alert_options WHERE alert_id IN (SELECT id FROM alerts WHERE contact_id = ?)", [.int(id)])
        // Alerts that fell back to it fall back to no one, as they would to a contact that is gone.
        try tx.execute("UPDATE alert_options SET fallback_contact_id = NULL WHERE fallback_contact_id = ?", [.int(id)])
        try tx.execute("DELETE FROM alerts WHERE contact_id = ?", [.int(id)])
        try tx.execute("DELETE FROM contact_names WHERE contact_id = ?", [.int(id)])
    }

    private func checkLengths(_ change: CatalogChange) throws {
        switch change {
        case .addCheck(_, let check, let tags, _), .updateCheck(_, let check, let tags, _):
            try checkLength("checks.name", check.name, limit: 64)
            try checkLength("checks.type", check.type, limit: 16)
            try checkLength("checks.data", check.data, limit: 1024)
            for tag in tags { try checkLength("tag", tag, limit: 64) }
            guard check.interval > 0 else { throw StoreError.invalid("the interval must be at least 1 second, got \(check.interval)") }
            guard check.delay >= 0 else { throw StoreError.invalid("the delay must be 0 or more, got \(check.delay)") }
        case .addContact(_, let type, let data, let name), .updateContact(_, let type, let data, let name):
            try checkLength("contacts.type", type, limit: 32)
            try checkLength("contacts.data", data, limit: 512)
            if let name { try checkLength("contact name", name, limit: 64) }
        case .addMaintenance(_, let row, _), .updateMaintenance(_, let row, _):
            try checkMaintenanceLengths(row)
        case .pinCheck(_, let nodes):
            for node in nodes { try checkLength("node name", node, limit: 128) }
        case .setAlertOptions(_, let after, let every, _):
            for (name, value) in [("after", after), ("repeat", every)] where !(0...AlertOptions.longest).contains(value) {
                throw StoreError.invalid("alert \(name) must be between 0 and 30 days")
            }
        default:
            break
        }
    }

    private static func require(_ table: String, _ id: Int64, what: String, in tx: any SQLExecutor) throws {
        guard try !tx.query("SELECT id FROM \(table) WHERE id = ?", [.int(id)]).isEmpty else { throw StoreError.notFound("\(what) \(id)") }
    }

    private static func writeExtras(check id: Int64, tags: [String], isPublic: Bool, in tx: any SQLExecutor) throws {
        try tx.execute("DELETE FROM check_tags WHERE check_id = ?", [.int(id)])
        for tag in Set(tags).sorted() {
            try tx.execute("INSERT INTO check_tags (check_id, tag) VALUES (?, ?)", [.int(id), .text(tag)])
        }
        try tx.execute("DELETE FROM check_options WHERE check_id = ?", [.int(id)])
        if isPublic { try tx.execute("INSERT INTO check_options (check_id, public) VALUES (?, 1)", [.int(id)]) }
    }

    private static func writeName(contact id: Int64, name: String?, in tx: any SQLExecutor) throws {
        if let name, let holder = try tx.query("SELECT contact_id FROM contact_names WHERE name = ?", [.text(name)]).first?.int(0), holder != id {
            throw StoreError.conflict("the contact name \"\(name)\" is taken by contact \(holder); choose another")
        }
        try tx.execute("DELETE FROM contact_names WHERE contact_id = ?", [.int(id)])
        if let name { try tx.execute("INSERT INTO contact_names (contact_id, name) VALUES (?, ?)", [.int(id), .text(name)]) }
    }
}
