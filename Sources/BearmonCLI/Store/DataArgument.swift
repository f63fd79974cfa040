import BearmonCore

/// How a `--data` argument becomes the JSON of an API body.
enum DataArgument {
    /// A check's data: a JSON object, or a refusal naming the flag.
    static func check(_ text: String) throws -> JSONValue {
        let value: JSONValue
        do { value = try JSONValue.parse(text) } catch { throw CLIFailure("--data is not JSON (\(MonitorJSON.reason(error))); give an object such as '{\"address\":\"127.0.0.1:22\"}'") }
        guard case .object = value else { throw CLIFailure("--data must be a JSON object of the type's parameters, not \(value.typeDescription)") }
        return value
    }

    /// A contact's data: a JSON object when it is one, else the text itself (an address, a
    /// number, a URL), as gobearmon stores it.
    static func contact(_ text: String) -> JSONValue {
        if let value = try? JSONValue.parse(text), case .object = value { return value }
        return .string(text)
    }

    /// The merge patch (RFC 7386) that makes `old` into `new` whole: a patch merges objects
    /// key by key, so a key `new` dropped must be sent as null to go.
    static func replacing(_ old: JSONValue, with new: JSONValue) -> JSONValue {
        guard case .object(let before) = old, case .object(let after) = new else { return new }
        var patch: [String: JSONValue] = [:]
        for (key, value) in after { patch[key] = before[key].map { replacing($0, with: value) } ?? value }
        for key in before.keys where after[key] == nil { patch[key] = .null }
        return .object(patch)
    }
}
