import BearmonCore

/// `--nodes w1,w2` as the API's `nodes` field.
enum NodeList {
    /// The names in `text`, comma-separated, blanks trimmed; "" is the empty list.
    static func json(_ text: String) -> JSONValue {
        .array(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(JSONValue.string))
    }
}
