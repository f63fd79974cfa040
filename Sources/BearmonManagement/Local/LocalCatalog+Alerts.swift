package import BearmonCore

extension LocalCatalog {
    private static let alertFields = ["check_id", "contact_id", "type", "enabled", "after", "repeat", "fallback_contact_id"]

    /// A page of alerts.
    package func listAlerts(_ request: PageRequest) throws(CatalogError) -> Page<AlertResource> {
        let alerts = try stored { try store.alerts() }
        let options = try stored { try store.alertOptions() }
        let (items, next) = try page(alerts, list: "alerts", id: \.id, request)
        return Page(items: items.map { Self.resource($0, options[$0.id]) }, next: next)
    }

    /// One alert.
    package func alert(_ id: Int64) throws(CatalogError) -> AlertResource {
        try requirePositive(id, "alert")
        guard let alert = try stored({ try store.alerts().first { $0.id == id } }) else { throw CatalogError(.notFound, "alert \(id) does not exist") }
        return Self.resource(alert, try stored { try store.alertOptions()[id] })
    }

    /// Links a check to a contact; both must exist.
    package func createAlert(_ body: JSONValue) throws(CatalogError) -> AlertResource {
        let reader = try BodyReader(body, what: "alert", known: Self.alertFields)
        guard let checkID = try reader.int("check_id", in: 1...Int64.max) else { throw CatalogError(.invalid, "the alert needs \"check_id\"") }
        guard let contactID = try reader.int("contact_id", in: 1...Int64.max) else { throw CatalogError(.invalid, "the alert needs \"contact_id\"") }
        // Named here, as a field of the body, rather than as a missing resource (404).
        guard try stored({ try store.checkRow(checkID) }) != nil else {
            throw CatalogError(.invalid, "alert check_id \(checkID): check \(checkID) does not exist; `bearmon checks list` shows the ids")
        }
        guard try stored({ try store.contacts().contains { $0.id == contactID } }) else {
            throw CatalogError(.invalid, "alert contact_id \(contactID): contact \(contactID) does not exist; `bearmon contacts list` shows the ids")
        }
        let type = try Self.alertType(reader) ?? .both
        let options = try Self.alertOptions(reader)
        // One batch: refused options (a fallback loop) leave no half-made alert behind.
        let added = try stored {
            try store.applyCatalog([.addAlert(key: "alert", check: .id(checkID), contact: .id(contactID), type: type, enabled: try reader.bool("enabled") ?? true),
                                    Self.optionsChange(.new("alert"), options)])
        }
        let id = added["alert"] ?? 0
        return try alert(id)
    }

    /// Changes an alert's type or enabled flag; its check and contact stay.
    package func updateAlert(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> AlertResource {
        let current = try alert(id)
        let reader = try Self.patched(current, with: patch, what: "alert", known: Self.alertFields, readOnly: ["id", "check_id", "contact_id"])
        guard let type = try Self.alertType(reader) else { throw CatalogError(.invalid, "alert type must be both, online or offline") }
        let options = try Self.alertOptions(reader)
        try stored {
            try store.applyCatalog([.updateAlert(id: id, type: type, enabled: try reader.bool("enabled") ?? current.enabled), Self.optionsChange(.id(id), options)], quiet: quiet)
        }
        return try alert(id)
    }

    /// Removes an alert; `removed` notifications unless `quiet`.
    package func deleteAlert(_ id: Int64, quiet: Bool) throws(CatalogError) {
        try requirePositive(id, "alert")
        try stored { try store.applyCatalog([.removeAlert(id: id)], quiet: quiet) }
    }

    private static func alertType(_ reader: BodyReader) throws(CatalogError) -> AlertType? {
        guard let word = try reader.string("type") else { return nil }
        guard let type = AlertType(rawValue: word) else {
            throw CatalogError(.invalid, "alert type must be both, online or offline, got \"\(BodyReader.printable(word))\"")
        }
        return type
    }

    /// `after`, `repeat` (durations such as 5m, or seconds; absent or null for none) and
    /// `fallback_contact_id` (issue 23). Zero, negative and non-numeric durations are refused.
    private static func alertOptions(_ reader: BodyReader) throws(CatalogError) -> AlertOptions {
        var options = AlertOptions(fallbackContactID: try reader.int("fallback_contact_id", in: 1...Int64.max))
        for (field, path) in [("after", \AlertOptions.afterMilliseconds), ("repeat", \AlertOptions.repeatMilliseconds)] {
            guard let value = reader.value(field), value != .null else { continue }
            options[keyPath: path] = try AlertOptions.milliseconds(value, field: field, of: "alert")
        }
        return options
    }

    /// The batch change that gives alert `alert` its `options`.
    private static func optionsChange(_ alert: CatalogRef, _ options: AlertOptions) -> CatalogChange {
        .setAlertOptions(alert: alert, after: options.afterMilliseconds, repeat: options.repeatMilliseconds, fallback: options.fallbackContactID.map { .id($0) })
    }

    private static func resource(_ alert: Alert, _ options: AlertOptions?) -> AlertResource {
        let options = options ?? AlertOptions()
        return AlertResource(id: alert.id, checkID: alert.checkID, contactID: alert.contactID, type: alert.type, enabled: alert.enabled,
                             after: AlertOptions.text(options.afterMilliseconds), repeat: AlertOptions.text(options.repeatMilliseconds),
                             fallbackContactID: options.fallbackContactID)
    }
}
