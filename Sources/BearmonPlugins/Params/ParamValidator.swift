import BearmonCore
import BearmonStore
import BearmonSystem

/// Checks a type's JSON data against its declared parameters before any plugin sees it, so
/// that a plugin can trust the types its accessors return.
package struct ParamValidator: Sendable {
    /// The specs to check against.
    package let specs: [ParamSpec]
    /// Whether plain-string data may stand for the primary parameter (contact types).
    package let allowsPrimaryString: Bool
    /// "check type 'tcp'", for messages.
    package let subject: String

    /// A validator for one type.
    package init(specs: [ParamSpec], allowsPrimaryString: Bool, subject: String) {
        self.specs = specs
        self.allowsPrimaryString = allowsPrimaryString
        self.subject = subject
    }

    /// Validates `data` and applies defaults. Keys match parameters as Go's encoding/json
    /// matched gobearmon's fields: exactly, or else ignoring case (`"Address"`). Keys the type
    /// does not declare are ignored, as gobearmon's decoder ignores them, unless `strict` is set
    /// (for data a person is typing now); either way they are named, with a likely intended
    /// key, when anything else is wrong.
    package func resolve(_ data: String, strict: Bool = false) throws(InvalidParams) -> ResolvedParams {
        let object = try parseObject(data)
        var problems: [ParamProblem] = []
        var values: [String: JSONValue] = [:]
        var given = Set<String>()
        for spec in specs {
            if let value = Self.key(for: spec.name, in: object).flatMap({ object[$0] }), value != .null {
                if let problem = check(value, against: spec) {
                    problems.append(problem)
                } else {
                    values[spec.name] = normalise(value, for: spec)
                    given.insert(spec.name)
                }
            } else if let value = spec.defaultValue {
                values[spec.name] = value
            } else if spec.required {
                problems.append(ParamProblem(param: spec.name, reason: "is required (\(spec.description))"))
            }
        }
        let declared = Set(specs.map { $0.name.lowercased() })
        let unknown = object.keys.filter { !declared.contains($0.lowercased()) }.sorted()
        if !problems.isEmpty || (strict && !unknown.isEmpty) {
            problems += unknown.map { key in
                let hint = KeySuggestion.closest(to: key, among: specs.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                return ParamProblem(param: nil, reason: "unknown parameter '\(key)'\(hint)")
            }
            throw InvalidParams(subject: subject, problems: problems)
        }
        return ResolvedParams(
            values: values, given: given, original: object,
            secretNames: Set(specs.filter(\.secret).map { $0.name.lowercased() }), unknownKeys: unknown
        )
    }

    /// The key of `object` that sets the parameter `name`: the exact one, else the first
    /// (in sorted order, so the choice is stable) that differs only in case.
    static func key(for name: String, in object: [String: JSONValue]) -> String? {
        if object[name] != nil { return name }
        return object.keys.sorted().first { $0.equalsIgnoringCase(name) }
    }

    private func parseObject(_ data: String) throws(InvalidParams) -> [String: JSONValue] {
        let trimmed = data.trimmingWhitespace()
        if trimmed.isEmpty, !specs.contains(where: \.required) { return [:] }
        if let value = try? JSONValue.parse(trimmed) {
            if case .object(let object) = value { return object }
            if !allowsPrimaryString {
                throw InvalidParams(subject: subject, problems: [ParamProblem(param: nil, reason: "data must be a JSON object, got \(value.typeDescription)")])
            }
        } else if !allowsPrimaryString {
            throw InvalidParams(subject: subject, problems: [ParamProblem(param: nil, reason: "data is not valid JSON; write a JSON object such as {\"address\":\"127.0.0.1:22\"}")])
        }
        guard let primary = specs.first(where: \.primary) else {
            throw InvalidParams(subject: subject, problems: [ParamProblem(param: nil, reason: "data must be a JSON object")])
        }
        return [primary.name: .string(data)]
    }

    private func check(_ value: JSONValue, against spec: ParamSpec) -> ParamProblem? {
        let typeOK: Bool = switch (spec.kind, value) {
        case (.string, .string), (.int, .int), (.bool, .bool), (.double, .int), (.double, .double): true
        case (.int, .double(let number)): number.rounded() == number && abs(number) < 9.2e18
        case (.map, .object(let entries)): entries.values.allSatisfy { if case .string = $0 { true } else { false } }
        case (.list, .array): true
        default: false
        }
        guard typeOK else {
            return ParamProblem(param: spec.name, reason: "must be \(spec.kind.noun), got \(value.typeDescription)")
        }
        if case .array(let entries) = value { return ListParam.problem(with: entries, param: spec.name) }
        guard !spec.choices.isEmpty else { return nil }
        let text: String = switch value {
        case .string(let s): s
        case .int(let i): String(i)
        // A plugin may give a number parameter choices: a whole number matches "2", any
        // other (1e300 included, which no Int64 holds) is compared as written.
        case .double(let d): d.rounded() == d && abs(d) < 9.2e18 ? String(Int64(d)) : String(d)
        case .bool(let b): String(b)
        default: ""
        }
        if spec.choices.contains(where: { $0.equalsIgnoringCase(text) }) { return nil }
        return ParamProblem(param: spec.name, reason: "'\(text)' is not one of \(spec.choices.joined(separator: ", "))")
    }

    /// Integral doubles given for int parameters become ints, so accessors need not care.
    private func normalise(_ value: JSONValue, for spec: ParamSpec) -> JSONValue {
        if spec.kind == .int, case .double(let number) = value { return .int(Int64(number)) }
        return value
    }
}

extension String {
    /// Whether two strings are equal when case is ignored.
    func equalsIgnoringCase(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
