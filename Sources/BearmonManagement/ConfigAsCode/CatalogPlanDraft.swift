import BearmonCore

/// A plan being made: the problems found so far, the refs alerts resolve names to, what
/// matched, and the writes and lines of each kind of row.
struct CatalogPlanDraft {
    /// Masks what the lines show.
    let masker: DataMasker
    /// Everything wrong so far.
    var problems: [ConfigAsCodeError.Problem] = []
    /// Each file check's row: stored, or added by the batch.
    var checkRefs: [String: CatalogRef] = [:]
    /// Each file contact's row.
    var contactRefs: [String: CatalogRef] = [:]
    /// Stored contacts the file lists.
    var matchedContacts: Set<Int64> = []
    /// Stored alerts the file lists.
    var matchedAlerts: Set<Int64> = []
    /// Stored maintenance windows the file lists.
    var matchedMaintenances: Set<Int64> = []
    /// Adds and updates, by kind, in file order.
    var checks = Writes(), contacts = Writes(), alerts = Writes(), maintenances = Writes()
    /// Dependencies to set, after every check is added (issue 22).
    var dependencies = Writes()
    /// The file alerts' fallbacks (issue 23), for the loop check.
    var fallbacks: [FallbackLink] = []

    /// A file alert that falls back to another contact.
    struct FallbackLink {
        /// The alert's check.
        let check: CatalogRef
        /// The alert's contact.
        let contact: CatalogRef
        /// The contact it falls back to.
        let fallback: CatalogRef
        /// The line of its `fallback`.
        let line: Int
    }

    /// Changes with the lines that report them.
    struct Writes {
        /// The changes, in order.
        var changes: [CatalogChange] = []
        /// A line for each.
        var lines: [CatalogPlan.Line] = []

        /// Adds `change`, reported as `action` on `text`.
        mutating func append(_ change: CatalogChange, _ action: CatalogPlan.Action, _ text: String) {
            append([change], action, text)
        }

        /// Adds `changes`, reported together as `action` on `text`.
        mutating func append(_ changes: [CatalogChange], _ action: CatalogPlan.Action, _ text: String) {
            self.changes += changes
            lines.append(CatalogPlan.Line(action: action, text: text))
        }
    }

    /// The finished plan: what the file lost first (deleted with `prune`, alerts and windows
    /// before the rows they name, otherwise only reported), then contacts, checks, alerts and
    /// maintenance windows to write.
    func plan(dropping stored: StoredCatalog, keeping fileChecks: Set<String>, prune: Bool) -> CatalogPlan {
        var dropped = Writes()
        let action: CatalogPlan.Action = prune ? .delete : .keep
        func drop(_ change: CatalogChange, _ text: String) {
            if prune { dropped.changes.append(change) }
            dropped.lines.append(CatalogPlan.Line(action: action, text: text))
        }
        // Windows before checks: deleting a check deletes the windows on it.
        for window in stored.maintenances where !matchedMaintenances.contains(window.id) {
            drop(.removeMaintenance(id: window.id), "maintenance \(stored.key(of: window)) (id \(window.id))")
        }
        let checkNames = Dictionary(stored.checks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let contactKeys = Dictionary(stored.contacts.map { ($0.id, stored.key(of: $0)) }, uniquingKeysWith: { first, _ in first })
        for alert in stored.alerts where !matchedAlerts.contains(alert.id) {
            let check = checkNames[alert.checkID] ?? "missing check \(alert.checkID)", contact = contactKeys[alert.contactID] ?? "missing contact \(alert.contactID)"
            drop(.removeAlert(id: alert.id), "alert \(check) -> \(contact) (id \(alert.id))")
        }
        for row in stored.checks where !fileChecks.contains(row.name) { drop(.removeCheck(id: row.id), "check \(row.name) (id \(row.id))") }
        for contact in stored.contacts where !matchedContacts.contains(contact.id) {
            drop(.removeContact(id: contact.id), "contact \(stored.key(of: contact)) (id \(contact.id))")
        }
        return CatalogPlan(changes: dropped.changes + contacts.changes + checks.changes + dependencies.changes + alerts.changes + maintenances.changes,
                           lines: contacts.lines + checks.lines + dependencies.lines + alerts.lines + maintenances.lines + dropped.lines)
    }
}
