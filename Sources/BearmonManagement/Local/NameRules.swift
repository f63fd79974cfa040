/// What names and tags may be: rules shared by checks, contacts, tokens and config as code,
/// so that a name written in one place is accepted in every other.
package enum NameRules {
    /// The longest name or tag (their columns' width).
    package static let maxLength = 64
    /// The most tags a check may carry: tags select checks, they do not describe them at length.
    package static let maxTags = 64

    /// Refuses more than ``maxTags`` tags, or one that ``checkTag(_:)`` refuses.
    package static func checkTags(_ tags: [String]) throws(CatalogError) {
        guard tags.count <= maxTags else { throw CatalogError(.invalid, "a check carries \(tags.count) tags; at most \(maxTags) are allowed") }
        for tag in Set(tags).sorted() { try checkTag(tag) }
    }

    /// ``checkName(_:field:)`` for a contact given a name by the API or CLI; `contact-ID` is
    /// refused there, since config as code uses that form for contacts without a name.
    package static func checkContactName(_ name: String) throws(CatalogError) {
        try checkName(name, field: "contact name")
        let digits = name.utf8.dropFirst("contact-".utf8.count)
        if name.hasPrefix("contact-"), !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            throw CatalogError(.invalid, "contact name \"\(name)\" has the form contact-ID, which config as code uses for contacts without a name; choose another")
        }
    }

    /// Refuses an empty name, one longer than ``maxLength``, with control characters, or with
    /// space at either end; `field` names it in the message.
    package static func checkName(_ name: String, field: String) throws(CatalogError) {
        guard !name.isEmpty else { throw CatalogError(.invalid, "\(field) is empty; give it a name") }
        let length = name.unicodeScalars.count
        guard length <= maxLength else { throw CatalogError(.invalid, "\(field) is \(length) characters; at most \(maxLength) fit") }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) else {
            throw CatalogError(.invalid, "\(field) \"\(BodyReader.printable(name))\" holds control characters; use printable ones")
        }
        guard name.first?.isWhitespace == false, name.last?.isWhitespace == false else {
            throw CatalogError(.invalid, "\(field) \"\(name)\" starts or ends with a space; trim it")
        }
    }

    /// Refuses a tag that is not 1 to 64 of `a-z A-Z 0-9 . _ : / -`, starting with a letter or digit:
    /// tags select checks for maintenance and status pages, so they stay plain.
    package static func checkTag(_ tag: String) throws(CatalogError) {
        let allowed = tag.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || "._:/-".utf8.contains(byte)
        }
        let startsWell = tag.utf8.first.map { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) } ?? false
        guard allowed, startsWell, tag.utf8.count <= maxLength else {
            throw CatalogError(.invalid, "tag \"\(BodyReader.printable(tag))\" is not 1 to \(maxLength) of letters, digits and . _ : / - starting with a letter or digit; rename it")
        }
    }
}
