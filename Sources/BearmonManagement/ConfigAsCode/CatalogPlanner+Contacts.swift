import BearmonCore
import BearmonPlugins
import BearmonSystem

extension CatalogPlanner {
    /// Adds or updates each file contact, matched to a stored one by name, or to an unnamed
    /// one by `contact-ID` (which then stays unnamed).
    func planContacts(_ contacts: [CatalogDocument.Contact], stored: StoredCatalog, into draft: inout CatalogPlanDraft) {
        let named = Dictionary(stored.contacts.compactMap { contact in stored.contactNames[contact.id].map { ($0, contact) } }, uniquingKeysWith: { first, _ in first })
        let unnamed = Dictionary(stored.contacts.filter { stored.contactNames[$0.id] == nil }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for contact in contacts {
            let reservedID = StoredCatalog.unnamedID(contact.name)
            let match = named[contact.name] ?? reservedID.flatMap { unnamed[$0] }
            if match == nil, let reservedID {
                draft.problems.append(.init(line: contact.line, "the name '\(contact.name)' stands for the unnamed contact \(reservedID), which does not exist; give a new contact another name"))
                continue
            }
            draft.contactRefs[contact.name] = match.map { .id($0.id) } ?? .new("contact:" + contact.name)
            guard let data = restoredContactData(contact, stored: match, problems: &draft.problems) else { continue }
            let name: String? = match.map { stored.contactNames[$0.id] } ?? contact.name
            guard let match else {
                draft.contacts.append(.addContact(key: "contact:" + contact.name, type: contact.type, data: data, name: name), .add,
                                      "contact \(contact.name) (\(contact.type)): " + draft.masker.mask(kind: .contact, type: contact.type, data: data))
                continue
            }
            draft.matchedContacts.insert(match.id)
            let differences = CatalogDifferences.contact(match, to: contact.type, data: data, masker: draft.masker)
            guard !differences.isEmpty else { continue }
            draft.contacts.append(.updateContact(id: match.id, type: contact.type, data: data, name: name), .change,
                                  "contact \(contact.name) (id \(match.id)): " + differences.joined(separator: "; "))
        }
    }

    /// The contact's data as it will be stored, as ``restoredCheckData(_:stored:problems:)``.
    func restoredContactData(_ contact: CatalogDocument.Contact, stored: Contact?, problems: inout [ConfigAsCodeError.Problem]) -> String? {
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

}
