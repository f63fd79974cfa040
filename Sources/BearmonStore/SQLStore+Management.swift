package import BearmonCore

extension SQLStore {
    /// Adds a check.
    package func addCheck(_ check: NewCheck) throws -> Int64 {
        try checkDefinition(check)
        return try database.execute(
            "INSERT INTO checks (name, type, data, check_interval, delay, status, enabled) VALUES (?, ?, ?, ?, ?, 'online', ?)",
            [.text(check.name), .text(check.type), .text(check.data), .int(check.interval), .int(check.delay), .int(check.enabled ? 1 : 0)]
        ).lastInsertID
    }

    /// Replaces a check's definition; its status, events and alerts stay.
    package func updateCheck(_ id: Int64, with check: NewCheck) throws {
        try checkDefinition(check)
        let changed = try database.execute(
            "UPDATE checks SET name = ?, type = ?, data = ?, check_interval = ?, delay = ?, enabled = ? WHERE id = ?",
            [.text(check.name), .text(check.type), .text(check.data), .int(check.interval), .int(check.delay), .int(check.enabled ? 1 : 0), .int(id)]
        )
        // MySQL counts only rows whose values changed, so an edit to the same values needs a look.
        if changed.affectedRows == 0 { try requireCheck(id) }
    }

    private func checkDefinition(_ check: NewCheck) throws {
        try checkLength("checks.name", check.name, limit: 64)
        try checkLength("checks.type", check.type, limit: 16)
        try checkLength("checks.data", check.data, limit: 1024)
        guard check.interval > 0 else { throw StoreError.invalid("the interval must be at least 1 second, got \(check.interval)") }
        guard check.delay >= 0 else { throw StoreError.invalid("the delay must be 0 or more, got \(check.delay)") }
    }

    /// Enables or disables a check.
    package func setCheckEnabled(_ id: Int64, _ enabled: Bool) throws {
        try requireCheck(id)
        try database.transaction { tx in
            let listeners = try Self.offlineListeners(in: tx)
            try tx.execute("UPDATE checks SET enabled = ? WHERE id = ?", [.int(enabled ? 1 : 0), .int(id)])
            try Self.settleLedger(listeners: listeners, now: Self.nowMilliseconds(), quiet: false, in: tx)
        }
    }

    /// Removes a check and its alerts.
    package func removeCheck(_ id: Int64) throws {
        try applyCatalog([.removeCheck(id: id)], quiet: false)
    }

    /// Adds a contact.
    package func addContact(type: String, data: String) throws -> Int64 {
        try checkLength("contacts.type", type, limit: 32)
        try checkLength("contacts.data", data, limit: 512)
        return try database.execute("INSERT INTO contacts (type, data) VALUES (?, ?)", [.text(type), .text(data)]).lastInsertID
    }

    /// Removes a contact and its alerts.
    package func removeContact(_ id: Int64) throws {
        try applyCatalog([.removeContact(id: id)], quiet: false)
    }

    /// Links a check to a contact.
    package func addAlert(checkID: Int64, contactID: Int64, type: AlertType) throws -> Int64 {
        try database.transaction { tx in
            guard try !tx.query("SELECT id FROM checks WHERE id = ?", [.int(checkID)]).isEmpty else { throw StoreError.notFound("check \(checkID)") }
            guard try !tx.query("SELECT id FROM contacts WHERE id = ?", [.int(contactID)]).isEmpty else { throw StoreError.notFound("contact \(contactID)") }
            return try tx.execute("INSERT INTO alerts (check_id, contact_id, type, enabled) VALUES (?, ?, ?, 1)",
                                  [.int(checkID), .int(contactID), .text(type.rawValue)]).lastInsertID
        }
    }

    /// Removes an alert.
    package func removeAlert(_ id: Int64) throws {
        try applyCatalog([.removeAlert(id: id)], quiet: false)
    }

    private func requireCheck(_ id: Int64) throws {
        guard try checkRow(id) != nil else { throw StoreError.notFound("check \(id)") }
    }
}
