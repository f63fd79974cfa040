package import BearmonCore
import BearmonSystem

/// Reads the fields of a JSON object body strictly: every field known, every value of its
/// type, each refusal naming the field and what it should be, as a ``CatalogError`` (400).
package struct BodyReader {
    /// What the body describes, for messages ("check", "contact"...).
    let what: String
    private let fields: [String: JSONValue]

    /// Reads `body`, which must be an object whose fields are all in `known`; fields in
    /// `ignored` (read-only ones a client may send back unchanged) are allowed and not read.
    package init(_ body: JSONValue, what: String, known: [String], ignored: [String] = []) throws(CatalogError) {
        guard case .object(let fields) = body else {
            throw CatalogError(.invalid, "the \(what) must be a JSON object, got \(body.typeDescription)")
        }
        for name in fields.keys.sorted() where !known.contains(name) && !ignored.contains(name) {
            throw CatalogError(.invalid, "unknown field \"\(Self.printable(name))\" in the \(what); the fields are \(known.joined(separator: ", "))")
        }
        self.what = what
        self.fields = fields
    }

    /// Whether `name` is present (and not null).
    package func has(_ name: String) -> Bool { fields[name].map { $0 != .null } ?? false }

    /// The raw value of `name`, if present and not null.
    package func value(_ name: String) -> JSONValue? { has(name) ? fields[name] : nil }

    /// A string field.
    package func string(_ name: String) throws(CatalogError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { throw wrongType(name, value, "a string") }
        return text
    }

    /// A required string field.
    package func requiredString(_ name: String) throws(CatalogError) -> String {
        guard let text = try string(name) else { throw CatalogError(.invalid, "the \(what) needs \"\(name)\"") }
        return text
    }

    /// An integer field within `range`.
    package func int(_ name: String, in range: ClosedRange<Int64>, unit: String = "") throws(CatalogError) -> Int64? {
        guard let value = value(name) else { return nil }
        guard case .int(let number) = value else { throw wrongType(name, value, "an integer") }
        guard range.contains(number) else {
            throw CatalogError(.invalid, "\(what) \(name) must be \(range.lowerBound) to \(range.upperBound)\(unit), got \(number)")
        }
        return number
    }

    /// A boolean field.
    package func bool(_ name: String) throws(CatalogError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(name, value, "true or false") }
        return flag
    }

    /// An array of strings.
    package func strings(_ name: String) throws(CatalogError) -> [String]? {
        guard let value = value(name) else { return nil }
        guard case .array(let items) = value else { throw wrongType(name, value, "an array of strings") }
        var texts: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw wrongType(name, item, "an array of strings") }
            texts.append(text)
        }
        return texts
    }

    private func wrongType(_ name: String, _ value: JSONValue, _ expected: String) -> CatalogError {
        CatalogError(.invalid, "\(what) \(name) must be \(expected), got \(value.typeDescription)")
    }

    /// `text` safe to quote in a message: control characters escaped, at most 64 characters.
    static func printable(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return escaped.count > 64 ? String(escaped.prefix(64)) + "…" : escaped
    }
}
