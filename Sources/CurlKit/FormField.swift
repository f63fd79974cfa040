import CCurl

/// One field of an `application/x-www-form-urlencoded` body.
package struct FormField: Sendable, Equatable {
    /// The field's name.
    package var name: String
    /// Its value, any UTF-8.
    package var value: String

    /// A field `name=value`.
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// "name=value&..." with both sides escaped by curl_easy_escape.
    package static func encode(_ fields: [FormField]) -> String {
        fields.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    /// `text` with every byte but letters, digits and -._~ written as %XX (UTF-8 bytes one
    /// by one), as curl_easy_escape does; a receiver decodes %20 as a space like "+".
    package static func escape(_ text: String) -> String {
        // curl ignores the handle argument since 7.82, so none is needed; NULL comes back only
        // when memory runs out, and then no body can be sent anyway.
        guard let escaped = curl_easy_escape(nil, text, Int32(clamping: text.utf8.count)) else { return "" }
        defer { curl_free(escaped) }
        return String(cString: escaped)
    }
}
