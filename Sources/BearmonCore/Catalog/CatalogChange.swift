/// A row a change refers to: one already stored, or one added earlier in the same batch
/// (by the key its ``CatalogChange`` add gave it).
package enum CatalogRef: Sendable, Hashable {
    /// A stored row's id.
    case id(Int64)
    /// A row added earlier in the batch, by its key.
    case new(String)
}

/// One write to checks, contacts and alerts with what bearmon keeps beside them (tags, the
/// public flag, contact names). ``Store/applyCatalog(_:)`` applies a batch in one transaction:
/// all of it or none. Updates carry the row's whole new state, never a diff.
package enum CatalogChange: Sendable, Equatable {
    /// Adds a check, known to later changes in the batch as `.new(key)`.
    case addCheck(key: String, NewCheck, tags: [String], isPublic: Bool)
    /// Replaces a check's definition, tags and public flag; its status, history and alerts stay.
    case updateCheck(id: Int64, NewCheck, tags: [String], isPublic: Bool)
    /// Removes a check, its alerts, tags and options.
    case removeCheck(id: Int64)
    /// Adds a contact, known to later changes as `.new(key)`; `name` must be unique.
    case addContact(key: String, type: String, data: String, name: String?)
    /// Replaces a contact's type, data and name.
    case updateContact(id: Int64, type: String, data: String, name: String?)
    /// Removes a contact, its name and the alerts that use it.
    case removeContact(id: Int64)
    /// Links a check to a contact, known to later changes as `.new(key)`.
    case addAlert(key: String, check: CatalogRef, contact: CatalogRef, type: AlertType, enabled: Bool)
    /// Changes an alert's type and enabled flag.
    case updateAlert(id: Int64, type: AlertType, enabled: Bool)
    /// Removes an alert.
    case removeAlert(id: Int64)
    /// Adds a validated maintenance window, known to later changes as `.new(key)`; with
    /// `check`, it covers that check (which may be one added earlier in the batch) whatever
    /// the row's scope says. `name` must be unique when not empty.
    case addMaintenance(key: String, MaintenanceRow, check: CatalogRef?)
    /// Replaces a window's name, scope, timing and comment (its creator stays); `check` as for adds.
    case updateMaintenance(id: Int64, MaintenanceRow, check: CatalogRef?)
    /// Removes a maintenance window.
    case removeMaintenance(id: Int64)
    /// Replaces the checks `check` depends on (issue 22); empty clears them. The batch is
    /// refused when a parent does not exist, is the check itself, or closes a cycle.
    case setDependencies(check: CatalogRef, parents: [CatalogRef])
    /// Pins a check (which may be one added earlier in the batch) to `nodes`, replacing what
    /// it had; empty lets any worker run it.
    case pinCheck(check: CatalogRef, nodes: [String])
    /// Replaces an alert's options (issue 23): `after` and `repeat` in ms (0: none) and the
    /// fallback contact; the alert and the contact may be ones added earlier in the batch.
    /// Fallback loops are judged once the whole batch is written, so the order of a batch's
    /// changes never makes a loop that its end state does not have.
    case setAlertOptions(alert: CatalogRef, after: Int64, repeat: Int64, fallback: CatalogRef?)
}
