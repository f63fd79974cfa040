package import BearmonCore
import BearmonPlugins

extension LocalCatalog {
    private static let contactFields = ["name", "type", "data"]

    /// A page of contacts.
    package func listContacts(_ request: PageRequest) throws(CatalogError) -> Page<ContactResource> {
        let (contacts, names) = try stored { (try store.contacts(), try store.contactNames()) }
        let (items, next) = try page(contacts, list: "contacts", id: \.id, request)
        return Page(items: items.map { resource($0, name: names[$0.id]) }, next: next)
    }

    /// One contact.
    package func contact(_ id: Int64) throws(CatalogError) -> ContactResource {
        let stored = try contactRow(id)
        return resource(stored, name: try self.stored { try store.contactNames()[id] })
    }

    /// Adds a contact.
    package func createContact(_ body: JSONValue) throws(CatalogError) -> ContactResource {
        let reader = try BodyReader(body, what: "contact", known: Self.contactFields)
        let definition = try contactDefinition(reader, stored: nil, storedName: nil)
        let added = try stored { try store.applyCatalog([.addContact(key: "contact", type: definition.type, data: definition.data, name: definition.name)]) }
        return try contact(added["contact"] ?? 0)
    }

    /// Applies a merge patch.
    package func updateContact(_ id: Int64, patch: JSONValue) throws(CatalogError) -> ContactResource {
        let row = try contactRow(id)
        let current = resource(row, name: try stored { try store.contactNames()[id] })
        let reader = try Self.patched(current, with: patch, what: "contact", known: Self.contactFields, readOnly: ["id"])
        let definition = try contactDefinition(reader, stored: row, storedName: current.name)
        try stored { try store.applyCatalog([.updateContact(id: id, type: definition.type, data: definition.data, name: definition.name)]) }
        return try contact(id)
    }

    /// Removes a contact and its alerts; `removed` notifications unless `quiet`.
    package func deleteContact(_ id: Int64, quiet: Bool) throws(CatalogError) {
        try requirePositive(id, "contact")
        try stored { try store.applyCatalog([.removeContact(id: id)], quiet: quiet) }
    }

    /// The stored contact, or 404.
    func contactRow(_ id: Int64) throws(CatalogError) -> Contact {
        try requirePositive(id, "contact")
        guard let contact = try stored({ try store.contacts().first { $0.id == id } }) else { throw CatalogError(.notFound, "contact \(id) does not exist") }
        return contact
    }

    /// A contact as shown: data masked; an object when it is one, else the string.
    func resource(_ contact: Contact, name: String?) -> ContactResource {
        let masked = masker.mask(kind: .contact, type: contact.type, data: contact.data)
        let data: JSONValue = if case .object(let object)? = try? JSONValue.parse(masked) { .object(object) } else { .string(masked) }
        return ContactResource(id: contact.id, name: name, type: contact.type, data: data)
    }

    private func contactDefinition(_ reader: BodyReader, stored: Contact?, storedName: String?) throws(CatalogError) -> (type: String, data: String, name: String?) {
        let name = try reader.string("name")
        // A name kept as stored is not judged again (it may predate these rules).
        if let name, name != storedName { try NameRules.checkContactName(name) }
        let type = try reader.requiredString("type")
        guard let value = reader.value("data") else { throw CatalogError(.invalid, "the contact needs \"data\": an address, a number, a URL, or an object of the type's parameters") }
        let data: String
        switch value {
        case .string(let text): data = try Self.restoringPlainMask(text, from: stored?.data)
        case .object: data = try Self.restoringMasks(value.jsonText, from: stored?.data, what: "contact")
        default: throw CatalogError(.invalid, "contact data must be a string or an object, got \(value.typeDescription)")
        }
        if data != stored?.data || type != stored?.type { try validate(.contact, type: type, data: data) }
        return (type, data, name)
    }

    /// A plain contact string: the mask alone, or a URL with masked parts, keeps what is stored.
    private static func restoringPlainMask(_ text: String, from stored: String?) throws(CatalogError) -> String {
        guard text.contains(SecretMask.mask) else { return text }
        guard let stored else { throw CatalogError(.invalid, "contact data is the mask \(SecretMask.mask), but nothing is stored to keep; write the value out") }
        if text == SecretMask.mask { return stored }
        let restored: String
        do {
            restored = try SecretMask.restoreURL(text, from: stored)
        } catch {
            throw CatalogError(.invalid, "contact data: \(error)")
        }
        try refuseStrayMask(restored, what: "contact")
        return restored
    }
}

import BearmonSystem
