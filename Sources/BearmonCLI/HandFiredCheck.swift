import BearmonCore

/// The check a hand-fired notification is about, read from `bearmon notify --check JSON`:
/// `{"id": 7, "name": "web", "type": "http", "data": "{\"url\":\"...\"}"}`. `data` is the
/// check's JSON as a string, as in `checks.data`; an object is taken too, for typing ease.
struct HandFiredCheck {
    /// The keys `--check` may hold.
    static let keys = ["id", "name", "type", "data"]

    let id: Int64
    let name: String
    let type: String
    /// The check's data as given, secrets and all: mask it before it goes anywhere.
    let data: String

    /// Parses `json`; the error names the key at fault.
    init(json: String) throws(CLIFailure) {
        guard case .object(let object)? = try? JSONValue.parse(json) else {
            throw CLIFailure(#"--check must be a JSON object such as {"id":1,"name":"web","type":"http","data":"{}"}"#)
        }
        if let unknown = object.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            throw CLIFailure("--check: unknown key '\(unknown)' (known: \(Self.keys.joined(separator: ", ")))")
        }
        switch object["id"] {
        case nil, .null?: id = 0
        case .int(let value)?: id = value
        default: throw CLIFailure("--check: id must be an integer")
        }
        name = try Self.string(object, "name")
        type = try Self.string(object, "type")
        switch object["data"] {
        case nil, .null?: data = "{}"
        case .string(let text)?: data = text
        case .object(let value)?: data = JSONValue.object(value).jsonText
        default: throw CLIFailure("--check: data must be the check's JSON as a string")
        }
    }

    private static func string(_ object: [String: JSONValue], _ key: String) throws(CLIFailure) -> String {
        switch object[key] {
        case nil, .null?: return ""
        case .string(let text)?: return text
        default: throw CLIFailure("--check: \(key) must be a string")
        }
    }
}
