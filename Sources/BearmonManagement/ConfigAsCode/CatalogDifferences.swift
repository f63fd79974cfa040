import BearmonCore

/// What differs between a stored row and the file's version of it, in words for the plan,
/// secrets masked. Data is compared as JSON values, so spacing and key order are no change.
enum CatalogDifferences {
    /// A check's differences; empty when the row already matches.
    static func check(_ row: CheckRow, tags: [String], isPublic: Bool, to new: NewCheck, tags newTags: [String], isPublic newPublic: Bool,
                      masker: DataMasker) -> [String] {
        var differences: [String] = []
        if row.type != new.type { differences.append("type \(row.type) -> \(new.type)") }
        if !sameData(row.data, new.data) {
            let old = masker.mask(kind: .check, type: row.type, data: row.data), shown = masker.mask(kind: .check, type: new.type, data: new.data)
            differences.append(old == shown ? "data: a secret changed" : "data \(old) -> \(shown)")
        }
        if row.interval != new.interval { differences.append("interval \(row.interval)s -> \(new.interval)s") }
        if row.delay != new.delay { differences.append("delay \(row.delay) -> \(new.delay)") }
        if row.enabled != new.enabled { differences.append(new.enabled ? "enabled" : "disabled") }
        if isPublic != newPublic { differences.append(newPublic ? "public" : "not public") }
        if tags != newTags { differences.append("tags [\(tags.joined(separator: ", "))] -> [\(newTags.joined(separator: ", "))]") }
        return differences
    }

    /// A contact's differences; empty when it already matches.
    static func contact(_ contact: Contact, to type: String, data: String, masker: DataMasker) -> [String] {
        var differences: [String] = []
        if contact.type != type { differences.append("type \(contact.type) -> \(type)") }
        if !sameData(contact.data, data) {
            let old = masker.mask(kind: .contact, type: contact.type, data: contact.data), shown = masker.mask(kind: .contact, type: type, data: data)
            differences.append(old == shown ? "data: a secret changed" : "data \(old) -> \(shown)")
        }
        return differences
    }

    /// Whether two stored data strings mean the same: equal JSON objects, or equal text.
    static func sameData(_ stored: String, _ new: String) -> Bool {
        if stored == new { return true }
        guard case .object(let old)? = try? JSONValue.parse(stored), case .object(let edited)? = try? JSONValue.parse(new) else { return false }
        return old == edited
    }
}
