import BearmonCore

extension CatalogPlanner {
    /// Adds or updates each file alert, matched to a stored one by its check and contact.
    /// `fileContacts` holds every contact name in the file, refused ones included.
    func planAlerts(_ alerts: [CatalogDocument.Alert], fileContacts: Set<String>, stored: StoredCatalog, into draft: inout CatalogPlanDraft) {
        let storedAlerts = Dictionary(stored.alerts.map { (StoredCatalog.AlertPair(check: $0.checkID, contact: $0.contactID), $0) }, uniquingKeysWith: { first, _ in first })
        var firstLines: [[String]: Int] = [:]
        for alert in alerts {
            let label = "\(alert.check) -> \(alert.contact)"
            let checkRef = draft.checkRefs[alert.check], contactRef = draft.contactRefs[alert.contact]
            if checkRef == nil {
                draft.problems.append(.init(line: alert.line, "the alert names check '\(alert.check)', which is not under checks in this file; add the check or fix the name"))
            }
            if contactRef == nil, !fileContacts.contains(alert.contact) {
                draft.problems.append(.init(line: alert.line, "the alert names contact '\(alert.contact)', which is not under contacts in this file; add the contact or fix the name"))
            }
            if let first = firstLines[[alert.check, alert.contact]] {
                draft.problems.append(.init(line: alert.line, "a second alert for check '\(alert.check)' and contact '\(alert.contact)' (the first is on line \(first)); keep one"))
                continue
            }
            firstLines[[alert.check, alert.contact]] = alert.line
            guard let checkRef, let contactRef else { continue }
            guard case .id(let checkID) = checkRef, case .id(let contactID) = contactRef,
                  let row = storedAlerts[StoredCatalog.AlertPair(check: checkID, contact: contactID)] else {
                draft.alerts.append(.addAlert(key: "alert:\(alert.line)", check: checkRef, contact: contactRef, type: alert.type, enabled: alert.enabled), .add,
                                    "alert \(label) on \(alert.type.rawValue)" + (alert.enabled ? "" : ", disabled"))
                continue
            }
            draft.matchedAlerts.insert(row.id)
            var differences: [String] = []
            if row.type != alert.type { differences.append("type \(row.typeText) -> \(alert.type.rawValue)") }
            if row.enabled != alert.enabled { differences.append(alert.enabled ? "enabled" : "disabled") }
            guard !differences.isEmpty else { continue }
            draft.alerts.append(.updateAlert(id: row.id, type: alert.type, enabled: alert.enabled), .change,
                                "alert \(label) (id \(row.id)): " + differences.joined(separator: "; "))
        }
    }
}
