import BearmonCore

extension CatalogPlanner {
    /// Adds or updates each file alert, matched to a stored one by its check and contact, with
    /// its options (issue 23) in the same batch. `fileContacts` holds every contact name in the
    /// file, refused ones included.
    func planAlerts(_ alerts: [CatalogDocument.Alert], fileContacts: Set<String>, stored: StoredCatalog, into draft: inout CatalogPlanDraft) {
        let storedAlerts = Dictionary(stored.alerts.map { (StoredCatalog.AlertPair(check: $0.checkID, contact: $0.contactID), $0) }, uniquingKeysWith: { first, _ in first })
        let contactKeys = Dictionary(stored.contacts.map { ($0.id, stored.key(of: $0)) }, uniquingKeysWith: { first, _ in first })
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
            let fallbackRef = alert.fallback.flatMap { draft.contactRefs[$0] }
            if let fallback = alert.fallback, fallbackRef == nil, !fileContacts.contains(fallback) {
                draft.problems.append(.init(line: alert.fallbackLine, "\(alert.label) falls back to contact '\(fallback)', which is not under contacts in this file; add the contact or fix the name"))
            }
            if let first = firstLines[[alert.check, alert.contact]] {
                draft.problems.append(.init(line: alert.line, "a second alert for check '\(alert.check)' and contact '\(alert.contact)' (the first is on line \(first)); keep one"))
                continue
            }
            firstLines[[alert.check, alert.contact]] = alert.line
            guard let checkRef, let contactRef, alert.fallback == nil || fallbackRef != nil else { continue }
            if let fallbackRef { draft.fallbacks.append(.init(check: checkRef, contact: contactRef, fallback: fallbackRef, line: alert.fallbackLine)) }
            let options = Options(after: alert.afterMilliseconds, repeat: alert.repeatMilliseconds, fallback: fallbackRef, fallbackName: alert.fallback)
            guard case .id(let checkID) = checkRef, case .id(let contactID) = contactRef,
                  let row = storedAlerts[StoredCatalog.AlertPair(check: checkID, contact: contactID)] else {
                let key = "alert:\(alert.line)"
                draft.alerts.append([.addAlert(key: key, check: checkRef, contact: contactRef, type: alert.type, enabled: alert.enabled)] + options.change(for: .new(key), unless: .plain),
                                    .add, "alert \(label) on \(alert.type.rawValue)" + (alert.enabled ? "" : ", disabled") + options.words.map { ", " + $0 }.joined())
                continue
            }
            draft.matchedAlerts.insert(row.id)
            let storedOptions = Options(stored.alertOptions[row.id] ?? AlertOptions(), names: contactKeys)
            var changes: [CatalogChange] = [], differences: [String] = []
            if row.type != alert.type { differences.append("type \(row.typeText) -> \(alert.type.rawValue)") }
            if row.enabled != alert.enabled { differences.append(alert.enabled ? "enabled" : "disabled") }
            if !differences.isEmpty { changes.append(.updateAlert(id: row.id, type: alert.type, enabled: alert.enabled)) }
            let optionDifferences = options.differences(from: storedOptions)
            if !optionDifferences.isEmpty { changes += options.change(for: .id(row.id), unless: nil) }
            guard !changes.isEmpty else { continue }
            draft.alerts.append(changes, .change, "alert \(label) (id \(row.id)): " + (differences + optionDifferences).joined(separator: "; "))
        }
    }

    /// An alert's options as the plan compares and shows them: the fallback as a ref and by name.
    private struct Options: Equatable {
        /// No escalation, no reminders, no fallback.
        static let plain = Options(after: 0, repeat: 0, fallback: nil, fallbackName: nil)

        let after: Int64
        let `repeat`: Int64
        let fallback: CatalogRef?
        let fallbackName: String?

        init(after: Int64, repeat: Int64, fallback: CatalogRef?, fallbackName: String?) {
            self.after = after
            self.repeat = `repeat`
            self.fallback = fallback
            self.fallbackName = fallbackName
        }

        /// Stored options, the fallback named by its key in a file.
        init(_ options: AlertOptions, names: [Int64: String]) {
            self.init(after: options.afterMilliseconds, repeat: options.repeatMilliseconds, fallback: options.fallbackContactID.map { .id($0) },
                      fallbackName: options.fallbackContactID.map { names[$0] ?? "contact \($0)" })
        }

        /// The change that sets these options on `alert`, none when they equal `skipped`.
        func change(for alert: CatalogRef, unless skipped: Options?) -> [CatalogChange] {
            self == skipped ? [] : [.setAlertOptions(alert: alert, after: after, repeat: `repeat`, fallback: fallback)]
        }

        /// "after 5m", "repeat 2h", "fallback pager": the options a new alert has.
        var words: [String] {
            [AlertOptions.text(after).map { "after \($0)" }, AlertOptions.text(`repeat`).map { "repeat \($0)" }, fallbackName.map { "fallback \($0)" }].compactMap { $0 }
        }

        /// "after none -> 5m" for each option that differs from `old`.
        func differences(from old: Options) -> [String] {
            func shown(_ milliseconds: Int64) -> String { AlertOptions.text(milliseconds) ?? "none" }
            var differences: [String] = []
            if old.after != after { differences.append("after \(shown(old.after)) -> \(shown(after))") }
            if old.repeat != `repeat` { differences.append("repeat \(shown(old.repeat)) -> \(shown(`repeat`))") }
            if old.fallback != fallback { differences.append("fallback \(old.fallbackName ?? "none") -> \(fallbackName ?? "none")") }
            return differences
        }
    }
}
