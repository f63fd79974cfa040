import BearmonCore
import BearmonConfig
import Yams

/// Turns a composed YAML tree into a ``CatalogDocument``, collecting every problem with its
/// line instead of stopping at the first. Scalars are typed by YAML 1.2's core schema, so
/// `yes`, `no`, `on` and `off` are strings, as in JSON.
struct CatalogYAMLReader {
    /// Everything wrong so far, in file order.
    private(set) var problems: [ConfigAsCodeError.Problem] = []

    /// The fields a check may have.
    static let checkFields = ["type", "data", "interval", "delay", "enabled", "public", "tags", "depends_on", "nodes"]
    /// The fields a contact may have.
    static let contactFields = ["type", "data"]
    /// The fields an alert may have.
    static let alertFields = ["check", "contact", "type", "enabled", "after", "repeat", "fallback"]
    /// The fields a maintenance window may have.
    static let maintenanceFields = ["check", "tag", "all", "start", "end", "cron", "duration", "time_zone", "comment"]

    /// The document `root` describes; what is wrong goes to ``problems``.
    mutating func document(_ root: Node) -> CatalogDocument {
        var document = CatalogDocument(checks: [], contacts: [], alerts: [])
        guard let pairs = mapping(root, what: "the file", expected: "a mapping with checks, contacts and alerts") else { return document }
        for (keyNode, value) in pairs {
            guard let key = key(keyNode) else { continue }
            switch key {
            case "checks":
                for (name, line, body) in named(value, section: "checks") { check(name, line: line, body).map { document.checks.append($0) } }
            case "contacts":
                for (name, line, body) in named(value, section: "contacts") { contact(name, line: line, body).map { document.contacts.append($0) } }
            case "alerts":
                document.alerts = alerts(value)
            case "maintenances":
                for (name, line, body) in named(value, section: "maintenances") { maintenance(name, line: line, body).map { document.maintenances.append($0) } }
            default:
                problem(keyNode, "unknown section '\(BodyReader.printable(key))'; a catalog has checks, contacts, alerts and maintenances")
            }
        }
        return document
    }

    // MARK: Sections

    /// The entries of a section keyed by name; an empty section (`checks:`) has none.
    private mutating func named(_ node: Node, section: String) -> [(String, Int, Node)] {
        if isNull(node) { return [] }
        guard let pairs = mapping(node, what: section, expected: "a mapping from names to \(section)") else { return [] }
        var entries: [(String, Int, Node)] = []
        for (keyNode, value) in pairs {
            guard let name = key(keyNode) else { continue }
            guard !name.isEmpty else {
                problem(keyNode, "a name in \(section) is empty; give each one a name")
                continue
            }
            // Longer names fit no column; refusing them here keeps them out of every later message.
            guard name.unicodeScalars.count <= NameRules.maxLength else {
                problem(keyNode, "a name in \(section) is \(name.unicodeScalars.count) characters; at most \(NameRules.maxLength) fit")
                continue
            }
            entries.append((name, line(keyNode), value))
        }
        return entries
    }

    private mutating func check(_ name: String, line: Int, _ body: Node) -> CatalogDocument.Check? {
        guard let fields = fields(body, of: "check '\(name)'", known: Self.checkFields) else { return nil }
        var check = CatalogDocument.Check(name: name, line: line, type: "", typeLine: fields.lines["type"] ?? line, data: .object([:]), dataLine: line,
                                          interval: 60, delay: 1, enabled: true, isPublic: false, tags: [])
        let before = problems.count
        check.type = requiredText(fields["type"], field: "type", of: "check '\(name)'", at: line, limit: 16) ?? ""
        if let data = fields["data"], !isNull(data) {
            check.dataLine = fields.lines["data"] ?? line
            if case .mapping = data, let value = json(data, depth: 0) {
                check.data = value
            } else if case .scalar(let scalar) = data {
                // Text only stands for stored data that is not JSON (a row that cannot run), so
                // that exporting it and applying back is no change; the planner says so otherwise.
                check.data = .string(scalar.string)
            } else if !isMapping(data) {
                problem(data, "data of check '\(name)' must be a mapping of the type's parameters, got \(kind(of: data))")
            }
        }
        if let node = fields["interval"] { integer(node, field: "interval", of: name, in: 1...LocalCatalog.maxInterval).map { check.interval = $0 } }
        if let node = fields["delay"] { integer(node, field: "delay", of: name, in: 0...LocalCatalog.maxDelay).map { check.delay = $0 } }
        if let node = fields["enabled"] { boolean(node, field: "enabled", of: "check '\(name)'").map { check.enabled = $0 } }
        if let node = fields["public"] { boolean(node, field: "public", of: "check '\(name)'").map { check.isPublic = $0 } }
        if let node = fields["tags"] { check.tags = tags(node, of: name) }
        check.dependsOnLine = fields.lines["depends_on"] ?? line
        if let node = fields["depends_on"] { check.dependsOn = parents(node, of: name) }
        if let node = fields["nodes"] { check.nodes = pinnedNodes(node, of: name) }
        return problems.count == before ? check : nil
    }

    /// `depends_on`: a list of check names (their existence in the file the planner judges).
    private mutating func parents(_ node: Node, of name: String) -> [String] {
        let names = Set(texts(node, list: "depends_on of check '\(name)'", example: "[router]", item: "a parent of check '\(name)'").map(\.text))
        if names.count > DependencyGraph.maxParents {
            problem(node, "check '\(name)' depends on \(names.count) checks; at most \(DependencyGraph.maxParents) parents are allowed")
        }
        return names.sorted()
    }

    private mutating func contact(_ name: String, line: Int, _ body: Node) -> CatalogDocument.Contact? {
        guard let fields = fields(body, of: "contact '\(name)'", known: Self.contactFields) else { return nil }
        let before = problems.count
        rule(at: line) { () throws(CatalogError) in try NameRules.checkName(name, field: "contact name") }
        let type = requiredText(fields["type"], field: "type", of: "contact '\(name)'", at: line, limit: 32) ?? ""
        var data = CatalogDocument.ContactData.text("")
        var dataLine = line
        switch fields["data"] {
        case nil:
            problem(at: line, "contact '\(name)' has no data; give its address, number or URL, or a mapping of the type's parameters")
        case let node? where isNull(node):
            problem(node, "contact '\(name)' has empty data; give its address, number or URL, or a mapping of the type's parameters")
        case .scalar(let scalar)?:
            // A contact's plain data is text whatever it looks like: +15551234567 is a number to call.
            data = .text(scalar.string)
            dataLine = scalar.mark?.line ?? line
        case let node? where isMapping(node):
            dataLine = fields.lines["data"] ?? line
            json(node, depth: 0).map { data = .object($0) }
        case let node?:
            problem(node, "data of contact '\(name)' must be text or a mapping of the type's parameters, got \(kind(of: node))")
        }
        return problems.count == before ? CatalogDocument.Contact(name: name, line: line, type: type, typeLine: fields.lines["type"] ?? line, data: data, dataLine: dataLine) : nil
    }

    /// A window read as the API reads one, with `check` by name: the same rules, the same words.
    private mutating func maintenance(_ name: String, line: Int, _ body: Node) -> CatalogDocument.Maintenance? {
        let item = "maintenance window '\(name)'"
        let before = problems.count
        guard fields(body, of: item, known: Self.maintenanceFields) != nil, problems.count == before,
              let value = json(body, depth: 0) else { return nil }
        guard rule(at: line, { () throws(CatalogError) in try NameRules.checkName(name, field: "maintenance name") }) else { return nil }
        do {
            let input = try MaintenanceInput(BodyReader(value, what: item, known: Self.maintenanceFields), checkByName: true)
            return CatalogDocument.Maintenance(name: name, line: line, input: input)
        } catch {
            problem(at: line, error.message)
            return nil
        }
    }

    private mutating func alerts(_ node: Node) -> [CatalogDocument.Alert] {
        if isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            problem(node, "alerts must be a list of {check, contact, type, enabled, after, repeat, fallback}, got \(kind(of: node))")
            return []
        }
        var alerts: [CatalogDocument.Alert] = []
        for item in sequence {
            let line = self.line(item)
            guard let fields = fields(item, of: "an alert", known: Self.alertFields) else { continue }
            let before = problems.count
            let check = requiredText(fields["check"], field: "check", of: "the alert", at: line, limit: NameRules.maxLength)
            let contact = requiredText(fields["contact"], field: "contact", of: "the alert", at: line, limit: NameRules.maxLength)
            var alert = CatalogDocument.Alert(check: check ?? "", contact: contact ?? "", type: .both, enabled: true, line: line)
            if let node = fields["type"] {
                let word = scalarText(node)
                if let type = word.flatMap(AlertType.init(rawValue:)) {
                    alert.type = type
                } else {
                    problem(node, "alert type must be both, online or offline, got \(word.map { "'\(BodyReader.printable($0))'" } ?? kind(of: node))")
                }
            }
            if let node = fields["enabled"] { boolean(node, field: "enabled", of: "the alert").map { alert.enabled = $0 } }
            alertOptions(fields, into: &alert)
            if problems.count == before { alerts.append(alert) }
        }
        return alerts
    }

    /// An alert's `after`, `repeat` (durations as the API and CLI read them) and `fallback` (a
    /// contact's name, which the planner resolves as it does the alert's own contact).
    private mutating func alertOptions(_ fields: Fields, into alert: inout CatalogDocument.Alert) {
        for (field, path) in [("after", \CatalogDocument.Alert.afterMilliseconds), ("repeat", \CatalogDocument.Alert.repeatMilliseconds)] {
            guard let node = fields[field] else { continue }
            guard !isNull(node) else {
                problem(node, "\(field) of \(alert.label) is empty; give a duration such as 5m or 2h, or leave the key out for none")
                continue
            }
            guard let value = json(node, depth: 0) else { continue }
            rule(at: line(node)) { () throws(CatalogError) in alert[keyPath: path] = try AlertOptions.milliseconds(value, field: field, of: alert.label) }
        }
        guard let node = fields["fallback"] else { return }
        alert.fallbackLine = line(node)
        guard let name = scalarText(node), !isNull(node) else {
            problem(node, "fallback of \(alert.label) must be a contact's name, got \(kind(of: node))")
            return
        }
        if rule(at: line(node), { () throws(CatalogError) in try NameRules.checkName(name, field: "fallback of \(alert.label)") }) { alert.fallback = name }
    }

    // MARK: Fields

    /// A mapping's fields by name; unknown names are refused, naming the known ones.
    private mutating func fields(_ node: Node, of item: String, known: [String]) -> Fields? {
        guard let pairs = mapping(node, what: item, expected: "a mapping of " + known.joined(separator: ", ")) else { return nil }
        var fields = Fields()
        for (keyNode, value) in pairs {
            guard let name = key(keyNode) else { continue }
            guard known.contains(name) else {
                problem(keyNode, "unknown field '\(BodyReader.printable(name))' in \(item); the fields are " + known.joined(separator: ", "))
                continue
            }
            fields.nodes[name] = value
            fields.lines[name] = line(keyNode)
        }
        return fields
    }

    /// An item's fields by name, with the line of each name.
    private struct Fields {
        var nodes: [String: Node] = [:]
        var lines: [String: Int] = [:]

        subscript(_ name: String) -> Node? { nodes[name] }
    }

    private mutating func requiredText(_ node: Node?, field: String, of item: String, at line: Int, limit: Int?) -> String? {
        guard let node, !isNull(node) else {
            problem(at: line, "\(item) has no \(field); add `\(field): ...`")
            return nil
        }
        guard let text = scalarText(node), !text.isEmpty else {
            problem(node, "\(field) of \(item) must be text, got \(kind(of: node))")
            return nil
        }
        // Scalars, not characters: a base letter with thousands of combining marks is one character.
        if let limit, text.unicodeScalars.count > limit {
            problem(node, "\(field) of \(item) is \(text.unicodeScalars.count) characters; at most \(limit)")
            return nil
        }
        return text
    }

    private mutating func integer(_ node: Node, field: String, of name: String, in range: ClosedRange<Int64>) -> Int64? {
        let unit = field == "interval" ? "seconds" : "rounds"
        guard let value = json(node, depth: 0) else { return nil }
        guard case .int(let number) = value, range.contains(number) else {
            let got = scalarText(node).map { "'\(BodyReader.printable($0))'" } ?? kind(of: node)
            problem(node, "\(field) of check '\(name)' must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound), got \(got)")
            return nil
        }
        return number
    }

    private mutating func boolean(_ node: Node, field: String, of item: String) -> Bool? {
        guard case .bool(let value)? = json(node, depth: 0) else {
            let got = scalarText(node).map { "'\(BodyReader.printable($0))'" } ?? kind(of: node)
            problem(node, "\(field) of \(item) must be true or false, got \(got)")
            return nil
        }
        return value
    }

    /// A check's `nodes`: a list of node names ([default] node's rules; at most 64).
    private mutating func pinnedNodes(_ node: Node, of name: String) -> [String] {
        if isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            problem(node, "nodes of check '\(name)' must be a list such as [w1, w2], got \(kind(of: node))")
            return []
        }
        var nodes: Set<String> = []
        for item in sequence {
            guard let text = scalarText(item), !isNull(item) else {
                problem(item, "a node of check '\(name)' must be a node name, got \(kind(of: item))")
                continue
            }
            if let why = NodeName.problem(text) { problem(item, "node '\(text.prefix(40))' of check '\(name)': \(why)") } else { nodes.insert(text) }
        }
        if nodes.count > 64 { problem(node, "check '\(name)' is pinned to \(nodes.count) nodes; at most 64 are allowed") }
        return nodes.sorted()
    }

    private mutating func tags(_ node: Node, of name: String) -> [String] {
        var tags: Set<String> = []
        for (tag, item) in texts(node, list: "tags of check '\(name)'", example: "[db, eu]", item: "a tag of check '\(name)'") {
            if rule(at: line(item), { () throws(CatalogError) in try NameRules.checkTag(tag) }) { tags.insert(tag) }
        }
        if tags.count > NameRules.maxTags { problem(node, "check '\(name)' has \(tags.count) tags; at most \(NameRules.maxTags) are allowed") }
        return tags.sorted()
    }

    /// The non-empty texts of a list (null for none), each with its node; `list` and `item`
    /// name the field and one of its items in messages.
    private mutating func texts(_ node: Node, list: String, example: String, item: String) -> [(text: String, node: Node)] {
        if isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            problem(node, "\(list) must be a list such as \(example), got \(kind(of: node))")
            return []
        }
        var texts: [(text: String, node: Node)] = []
        for element in sequence {
            guard let text = scalarText(element), !text.isEmpty, !isNull(element) else {
                problem(element, "\(item) must be non-empty text, got \(kind(of: element))")
                continue
            }
            texts.append((text, element))
        }
        return texts
    }

    // MARK: Nodes

    private mutating func mapping(_ node: Node, what: String, expected: String) -> [(Node, Node)]? {
        guard case .mapping(let mapping) = node else {
            problem(node, "\(what) must be \(expected), got \(kind(of: node))")
            return nil
        }
        return Array(mapping.map { ($0.key, $0.value) })
    }

    /// A mapping key's text; only text keys are accepted.
    private mutating func key(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else {
            problem(node, "a key must be plain text, got \(kind(of: node))")
            return nil
        }
        return scalar.string
    }

    /// A node as JSON, nested at most ``CatalogDocument/maxDataDepth`` deep.
    private mutating func json(_ node: Node, depth: Int) -> JSONValue? {
        guard depth < CatalogDocument.maxDataDepth else {
            problem(node, "data nests deeper than \(CatalogDocument.maxDataDepth) levels; flatten it")
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence {
                guard let value = json(item, depth: depth + 1) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (keyNode, value) in mapping {
                guard let key = key(keyNode), let converted = json(value, depth: depth + 1) else { return nil }
                object[key] = converted
            }
            return .object(object)
        case .alias:
            problem(node, "YAML aliases are not accepted here; write the value out in full")
            return nil
        }
    }

    /// A scalar typed by YAML 1.2's core schema; quoted and block scalars, and `!!str`, are strings.
    private mutating func scalarValue(_ scalar: Node.Scalar) -> JSONValue? {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any, scalar.tag.rawValue != Tag.Name.str.rawValue, scalar.tag.rawValue != Tag.Name.nonSpecific.rawValue else { return .string(text) }
        switch CoreSchema.resolve(text) {
        case .value(let value):
            return value
        case .outOfRange:
            problem(at: scalar.mark?.line ?? 0, "the number \(text.prefix(40)) is out of range: whole numbers go from -9223372036854775808 to 9223372036854775807, and others must be finite")
            return nil
        }
    }

    /// A scalar's text, or nil for a mapping or list.
    private func scalarText(_ node: Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func isMapping(_ node: Node) -> Bool {
        if case .mapping = node { return true }
        return false
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar: isNull(node) ? "nothing" : "text"
        }
    }

    private func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    private mutating func problem(_ node: Node, _ message: String) { problem(at: line(node), message) }

    /// Applies one of the ``NameRules`` shared with the API and the CLI; its refusal becomes a problem on `line`.
    @discardableResult
    private mutating func rule(at line: Int, _ check: () throws(CatalogError) -> Void) -> Bool {
        do {
            try check()
            return true
        } catch {
            problem(at: line, error.message)
            return false
        }
    }

    private mutating func problem(at line: Int, _ message: String) {
        problems.append(ConfigAsCodeError.Problem(line: line, message))
    }
}
