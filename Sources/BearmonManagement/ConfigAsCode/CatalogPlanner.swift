import BearmonCore
package import BearmonPlugins
import BearmonSystem

/// Diffs a ``CatalogDocument`` against a ``StoredCatalog`` into a ``CatalogPlan``. Validates
/// the file as the CLI does (data strictly against the type's parameters), restores masked
/// secrets from what is stored, and refuses the whole file, naming every line at fault, when
/// anything is wrong.
package struct CatalogPlanner {
    /// The plugins whose types validate data and say what to mask.
    package let host: PluginHost
    /// The file, as named on the command line, for messages.
    package let file: String

    /// A planner over `host`'s types for `file`.
    package init(host: PluginHost, file: String) {
        self.host = host
        self.file = file
    }

    /// The plan that makes `stored` match `document`; with `prune`, rows the file lost are
    /// deleted, otherwise reported and kept.
    package func plan(_ document: CatalogDocument, against stored: StoredCatalog, prune: Bool) throws -> CatalogPlan {
        try stored.requireUnambiguous()
        var problems: [ConfigAsCodeError.Problem] = []
        let masker = DataMasker(host: host)

        // Checks: matched by name.
        let storedChecks = Dictionary(stored.checks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var checkRefs: [String: CatalogRef] = [:]
        var checkWrites: [CatalogChange] = [], checkLines: [CatalogPlan.Line] = []
        for check in document.checks {
            let row = storedChecks[check.name]
            checkRefs[check.name] = row.map { .id($0.id) } ?? .new("check:" + check.name)
            guard let data = restoredCheckData(check, stored: row, problems: &problems) else { continue }
            // A stored name stays acceptable (gobearmon's names predate the rules); a new one must follow them.
            if row == nil {
                do { try NameRules.checkName(check.name, field: "check name") } catch {
                    problems.append(.init(line: check.line, error.message))
                    continue
                }
            }
            let new = NewCheck(name: check.name, type: check.type, data: data, interval: check.interval, delay: check.delay, enabled: check.enabled)
            guard let row else {
                checkWrites.append(.addCheck(key: "check:" + check.name, new, tags: check.tags, isPublic: check.isPublic))
                checkLines.append(.init(action: .add, text: "check \(check.name) (\(check.type)) every \(check.interval)s, delay \(check.delay)"
                    + (check.enabled ? "" : ", disabled") + (check.isPublic ? ", public" : "") + (check.tags.isEmpty ? "" : ", tags \(check.tags.joined(separator: ", "))")
                    + ": " + masker.mask(kind: .check, type: check.type, data: data)))
                continue
            }
            let differences = CatalogDifferences.check(row, tags: stored.tags[row.id] ?? [], isPublic: stored.publicIDs.contains(row.id), to: new,
                                                       tags: check.tags, isPublic: check.isPublic, masker: masker)
            guard !differences.isEmpty else { continue }
            checkWrites.append(.updateCheck(id: row.id, new, tags: check.tags, isPublic: check.isPublic))
            checkLines.append(.init(action: .change, text: "check \(check.name) (id \(row.id)): " + differences.joined(separator: "; ")))
        }

        // Contacts: matched by name, or an unnamed one by contact-ID.
        let named = Dictionary(stored.contacts.compactMap { contact in stored.contactNames[contact.id].map { ($0, contact) } }, uniquingKeysWith: { first, _ in first })
        let unnamed = Dictionary(stored.contacts.filter { stored.contactNames[$0.id] == nil }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var contactRefs: [String: CatalogRef] = [:]
        var matchedContacts: Set<Int64> = []
        var contactWrites: [CatalogChange] = [], contactLines: [CatalogPlan.Line] = []
        for contact in document.contacts {
            let reservedID = StoredCatalog.unnamedID(contact.name)
            let match = named[contact.name] ?? reservedID.flatMap { unnamed[$0] }
            if match == nil, let reservedID {
                problems.append(.init(line: contact.line, "the name '\(contact.name)' stands for the unnamed contact \(reservedID), which does not exist; give a new contact another name"))
                continue
            }
            contactRefs[contact.name] = match.map { .id($0.id) } ?? .new("contact:" + contact.name)
            guard let data = restoredContactData(contact, stored: match, problems: &problems) else { continue }
            // An unnamed contact matched by contact-ID stays unnamed.
            let name: String? = match.map { stored.contactNames[$0.id] } ?? contact.name
            guard let match else {
                contactWrites.append(.addContact(key: "contact:" + contact.name, type: contact.type, data: data, name: name))
                contactLines.append(.init(action: .add, text: "contact \(contact.name) (\(contact.type)): " + masker.mask(kind: .contact, type: contact.type, data: data)))
                continue
            }
            matchedContacts.insert(match.id)
            let differences = CatalogDifferences.contact(match, to: contact.type, data: data, masker: masker)
            guard !differences.isEmpty else { continue }
            contactWrites.append(.updateContact(id: match.id, type: contact.type, data: data, name: name))
            contactLines.append(.init(action: .change, text: "contact \(contact.name) (id \(match.id)): " + differences.joined(separator: "; ")))
        }

        // Alerts: matched by check and contact. A contact refused above has no ref but is in the file.
        let fileContacts = Set(document.contacts.map(\.name))
        let storedAlerts = Dictionary(stored.alerts.map { (StoredCatalog.AlertPair(check: $0.checkID, contact: $0.contactID), $0) }, uniquingKeysWith: { first, _ in first })
        var seenPairs: [String: Int] = [:]
        var matchedAlerts: Set<Int64> = []
        var alertWrites: [CatalogChange] = [], alertLines: [CatalogPlan.Line] = []
        for alert in document.alerts {
            let label = "\(alert.check) -> \(alert.contact)"
            let checkRef = checkRefs[alert.check], contactRef = contactRefs[alert.contact]
            if checkRef == nil {
                problems.append(.init(line: alert.line, "the alert names check '\(alert.check)', which is not under checks in this file; add the check or fix the name"))
            }
            if contactRef == nil, !fileContacts.contains(alert.contact) {
                problems.append(.init(line: alert.line, "the alert names contact '\(alert.contact)', which is not under contacts in this file; add the contact or fix the name"))
            }
            if let first = seenPairs[label] {
                problems.append(.init(line: alert.line, "a second alert for check '\(alert.check)' and contact '\(alert.contact)' (the first is on line \(first)); keep one"))
                continue
            }
            seenPairs[label] = alert.line
            guard let checkRef, let contactRef else { continue }
            if case .id(let checkID) = checkRef, case .id(let contactID) = contactRef,
               let row = storedAlerts[StoredCatalog.AlertPair(check: checkID, contact: contactID)] {
                matchedAlerts.insert(row.id)
                var differences: [String] = []
                if row.type != alert.type { differences.append("type \(row.typeText) -> \(alert.type.rawValue)") }
                if row.enabled != alert.enabled { differences.append(alert.enabled ? "enabled" : "disabled") }
                guard !differences.isEmpty else { continue }
                alertWrites.append(.updateAlert(id: row.id, type: alert.type, enabled: alert.enabled))
                alertLines.append(.init(action: .change, text: "alert \(label) (id \(row.id)): " + differences.joined(separator: "; ")))
                continue
            }
            alertWrites.append(.addAlert(key: "alert:\(alert.line)", check: checkRef, contact: contactRef, type: alert.type, enabled: alert.enabled))
            alertLines.append(.init(action: .add, text: "alert \(label) on \(alert.type.rawValue)" + (alert.enabled ? "" : ", disabled")))
        }
        guard problems.isEmpty else { throw ConfigAsCodeError(file: file, problems: problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }) }

        // What the file lost: deleted with --prune (alerts first), otherwise reported.
        var plan = CatalogPlan()
        let dropAction: CatalogPlan.Action = prune ? .delete : .keep
        let checkNames = Dictionary(stored.checks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let contactKeys = Dictionary(stored.contacts.map { ($0.id, stored.key(of: $0)) }, uniquingKeysWith: { first, _ in first })
        for alert in stored.alerts where !matchedAlerts.contains(alert.id) {
            if prune { plan.changes.append(.removeAlert(id: alert.id)) }
            let label = "\(checkNames[alert.checkID] ?? "missing check \(alert.checkID)") -> \(contactKeys[alert.contactID] ?? "missing contact \(alert.contactID)")"
            plan.lines.append(.init(action: dropAction, text: "alert \(label) (id \(alert.id))"))
        }
        let fileChecks = Set(document.checks.map(\.name))
        for row in stored.checks where !fileChecks.contains(row.name) {
            if prune { plan.changes.append(.removeCheck(id: row.id)) }
            plan.lines.append(.init(action: dropAction, text: "check \(row.name) (id \(row.id))"))
        }
        for contact in stored.contacts where !matchedContacts.contains(contact.id) {
            if prune { plan.changes.append(.removeContact(id: contact.id)) }
            plan.lines.append(.init(action: dropAction, text: "contact \(stored.key(of: contact)) (id \(contact.id))"))
        }
        plan.changes += contactWrites + checkWrites + alertWrites
        plan.lines = contactLines + checkLines + alertLines + plan.lines
        return plan
    }

    /// The check's data as it will be stored: masks restored from the stored row, validated
    /// strictly against the type. Nil (with problems added) when refused.
    private func restoredCheckData(_ check: CatalogDocument.Check, stored: CheckRow?, problems: inout [ConfigAsCodeError.Problem]) -> String? {
        let data: String
        do {
            data = try MaskedEdit.restore(check.data.jsonText, from: stored?.data ?? "{}")
        } catch {
            problems.append(.init(line: check.dataLine, "check '\(check.name)'\(stored == nil ? " is new, so" : ""): " + error.problems.map(\.description).joined(separator: "; ")))
            return nil
        }
        // As the API does: what is stored unchanged is not checked again, so that a row an
        // older bearmon (or gobearmon) accepted exports and applies back as it is.
        if let stored, stored.type == check.type, CatalogDifferences.sameData(stored.data, data) { return stored.data }
        let item = Item(kind: .check, label: "check '\(check.name)'", type: check.type, typeLine: check.typeLine, dataLine: check.dataLine, column: 1024)
        return validated(data, item, problems: &problems) ? data : nil
    }

    /// The contact's data as it will be stored, as ``restoredCheckData(_:stored:problems:)``.
    private func restoredContactData(_ contact: CatalogDocument.Contact, stored: Contact?, problems: inout [ConfigAsCodeError.Problem]) -> String? {
        let isNew = stored == nil ? " is new, so" : ""
        var data: String
        switch contact.data {
        case .object(let object):
            do {
                data = try MaskedEdit.restore(object.jsonText, from: stored?.data ?? "{}")
            } catch {
                problems.append(.init(line: contact.dataLine, "contact '\(contact.name)'\(isNew): " + error.problems.map(\.description).joined(separator: "; ")))
                return nil
            }
        case .text(let text) where text.contains(SecretMask.mask) && stored == nil:
            problems.append(.init(line: contact.dataLine, "contact '\(contact.name)' is new, so: its data holds the mask \(SecretMask.mask), but nothing is stored to keep; write the value out"))
            return nil
        case .text(let text) where text == SecretMask.mask:
            data = stored?.data ?? text
        case .text(let text):
            do {
                data = try SecretMask.restoreURL(text, from: stored?.data ?? "")
            } catch {
                problems.append(.init(line: contact.dataLine, "contact '\(contact.name)'\(isNew): \(error.description)"))
                return nil
            }
        }
        if let stored, stored.type == contact.type, CatalogDifferences.sameData(stored.data, data) { return stored.data }
        let item = Item(kind: .contact, label: "contact '\(contact.name)'", type: contact.type, typeLine: contact.typeLine, dataLine: contact.dataLine, column: 512)
        return validated(data, item, problems: &problems) ? data : nil
    }

    /// A check or contact being validated, with where its parts are in the file.
    private struct Item {
        let kind: PluginKind
        let label: String
        let type: String
        let typeLine: Int
        let dataLine: Int
        /// The length of the data column.
        let column: Int
    }

    /// Whether `data` fits the item's type, strictly, as `checks add` checks it, and its column.
    private func validated(_ data: String, _ item: Item, problems: inout [ConfigAsCodeError.Problem]) -> Bool {
        let type: PluginType
        do {
            type = try host.type(item.kind, item.type)
        } catch {
            problems.append(.init(line: item.typeLine, "\(item.label): \(error)"))
            return false
        }
        do {
            _ = try host.validate(type, data: data, strict: true)
        } catch {
            problems.append(.init(line: item.dataLine, "\(item.label): \(error)"))
            return false
        }
        guard data.count <= item.column else {
            problems.append(.init(line: item.dataLine, "\(item.label): its data is \(data.count) characters as stored, longer than its column (\(item.column))"))
            return false
        }
        return true
    }
}
