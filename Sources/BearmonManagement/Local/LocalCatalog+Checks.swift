package import BearmonCore
import BearmonConfig
import BearmonPlugins
import BearmonStore
import BearmonSystem

extension LocalCatalog {
    private static let checkFields = ["name", "type", "data", "interval", "delay", "enabled", "tags", "public", "dependsOn", "nodes"]

    /// A page of checks.
    package func listChecks(_ request: PageRequest, tag: String?) throws(CatalogError) -> Page<CheckResource> {
        if let tag { try NameRules.checkTag(tag) }
        let (rows, tags, publicIDs, pins) = try stored { (try store.checkRows(), try store.checkTags(), try store.publicCheckIDs(), try store.checkNodes()) }
        let dependencies = try stored { try store.dependencies() }
        let selected = tag.map { tag in rows.filter { tags[$0.id]?.contains(tag) ?? false } } ?? rows
        let (items, next) = try page(selected, list: "checks" + (tag.map { ":" + $0 } ?? ""), id: \.id, request)
        let overlays = try stored { try store.checkOverlays(items.map(\.id), now: now()) }
        return Page(items: items.map { row in
            var shown = resource(row, tags: tags[row.id] ?? [], isPublic: publicIDs.contains(row.id))
            shown.dependsOn = dependencies[row.id] ?? []
            shown.nodes = pins[row.id]
            shown.show(overlays.overlays[row.id], held: overlays.held[row.id])
            return shown
        }, next: next)
    }

    /// One check, with what holds its notifications now.
    package func check(_ id: Int64) throws(CatalogError) -> CheckResource {
        var shown = try resource(try checkRow(id))
        let overlays = try stored { try store.checkOverlays([id], now: now()) }
        shown.show(overlays.overlays[id], held: overlays.held[id])
        return shown
    }

    /// A stored row as shown, with its tags and public flag.
    private func resource(_ row: CheckRow) throws(CatalogError) -> CheckResource {
        let (tags, publicIDs, dependencies, pins) = try stored { (try store.checkTags(), try store.publicCheckIDs(), try store.dependencies(), try store.checkNodes()) }
        var shown = resource(row, tags: tags[row.id] ?? [], isPublic: publicIDs.contains(row.id))
        shown.dependsOn = dependencies[row.id] ?? []
        shown.nodes = pins[row.id]
        return shown
    }

    /// Adds a check.
    package func createCheck(_ body: JSONValue) throws(CatalogError) -> CheckResource {
        let reader = try BodyReader(body, what: "check", known: Self.checkFields)
        guard reader.has("data") else { throw CatalogError(.invalid, "the check needs \"data\", the type's parameters as an object") }
        let definition = try checkDefinition(reader, storedData: nil)
        let added = try stored {
            try store.applyCatalog([.addCheck(key: "check", definition.check, tags: definition.tags, isPublic: definition.isPublic),
                                    .setDependencies(check: .new("check"), parents: definition.parents.map(CatalogRef.id)),
                                    .pinCheck(check: .new("check"), nodes: definition.nodes)])
        }
        return try check(added["check"] ?? 0)
    }

    /// Applies a merge patch.
    package func updateCheck(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> CheckResource {
        let row = try checkRow(id)
        let reader = try Self.patched(try resource(row), with: patch, what: "check", known: Self.checkFields, readOnly: ["id", "status"], derived: CheckResource.derivedFields)
        let definition = try checkDefinition(reader, storedData: row.data, storedType: row.type, enabled: row.enabled)
        try stored {
            try store.applyCatalog([.updateCheck(id: id, definition.check, tags: definition.tags, isPublic: definition.isPublic),
                                    .setDependencies(check: .id(id), parents: definition.parents.map(CatalogRef.id)),
                                    .pinCheck(check: .id(id), nodes: definition.nodes)], quiet: quiet)
        }
        return try check(id)
    }

    /// Removes a check; `removed` notifications unless `quiet`.
    package func deleteCheck(_ id: Int64, quiet: Bool) throws(CatalogError) {
        try requirePositive(id, "check")
        try stored { try store.applyCatalog([.removeCheck(id: id)], quiet: quiet) }
    }

    /// The stored row, or 404.
    func checkRow(_ id: Int64) throws(CatalogError) -> CheckRow {
        try requirePositive(id, "check")
        guard let row = try stored({ try store.checkRow(id) }) else { throw CatalogError(.notFound, "check \(id) does not exist") }
        return row
    }

    /// A row as shown: data masked and parsed.
    func resource(_ row: CheckRow, tags: [String], isPublic: Bool) -> CheckResource {
        let masked = masker.mask(kind: .check, type: row.type, data: row.data)
        return CheckResource(id: row.id, name: row.name, type: row.type, data: (try? JSONValue.parse(masked)) ?? .string(masked),
                             interval: row.interval, delay: row.delay, enabled: row.enabled, status: row.status, tags: tags, public: isPublic)
    }

    /// A check's new definition from `reader`, validated; `storedData` is the data masks
    /// restore from (nil for a new check). Data that equals what is stored keeps its text.
    private func checkDefinition(_ reader: BodyReader, storedData: String?, storedType: String? = nil, enabled: Bool = true)
        throws(CatalogError) -> (check: NewCheck, tags: [String], isPublic: Bool, parents: [Int64], nodes: [String]) {
        let name = try reader.requiredString("name")
        try NameRules.checkName(name, field: "check name")
        let type = try reader.requiredString("type")
        let data = try dataText(reader, storedData: storedData)
        if data != storedData || type != storedType { try validate(.check, type: type, data: data) }
        let interval = try reader.int("interval", in: 1...Self.maxInterval, unit: " seconds") ?? 60
        let delay = try reader.int("delay", in: 0...Self.maxDelay, unit: " rounds") ?? 1
        let tags = try reader.strings("tags") ?? []
        try NameRules.checkTags(tags)
        let check = NewCheck(name: name, type: type, data: data, interval: interval, delay: delay, enabled: try reader.bool("enabled") ?? enabled)
        return (check, Array(Set(tags)).sorted(), try reader.bool("public") ?? false, try Self.parents(reader), try Self.pinnedNodes(reader))
    }

    /// `dependsOn`: the ids of the checks it depends on, each positive, at most
    /// ``DependencyGraph/maxParents``; whether they exist and form no cycle the store judges.
    private static func parents(_ reader: BodyReader) throws(CatalogError) -> [Int64] {
        guard let value = reader.value("dependsOn") else { return [] }
        guard case .array(let items) = value else { throw CatalogError(.invalid, "check dependsOn must be an array of check ids, got \(value.typeDescription)") }
        guard items.count <= DependencyGraph.maxParents else {
            throw CatalogError(.invalid, "check dependsOn names \(items.count) checks; at most \(DependencyGraph.maxParents) parents are allowed")
        }
        var ids: [Int64] = []
        for item in items {
            guard case .int(let id) = item, id > 0 else { throw CatalogError(.invalid, "check dependsOn must hold positive check ids, got \(item.jsonText.prefix(32))") }
            ids.append(id)
        }
        return Array(Set(ids)).sorted()
    }

    /// The `nodes` field: node names (as `[default] node` names them) that may run the check;
    /// names no node has yet are accepted, since the node may join later.
    private static func pinnedNodes(_ reader: BodyReader) throws(CatalogError) -> [String] {
        let nodes = try reader.strings("nodes") ?? []
        guard nodes.count <= 64 else { throw CatalogError(.invalid, "check nodes: \(nodes.count) nodes, more than the 64 a check may be pinned to") }
        for node in nodes {
            if let problem = NodeName.problem(node) { throw CatalogError(.invalid, "check nodes: node '\(node.prefix(40))': \(problem)") }
        }
        return Array(Set(nodes)).sorted()
    }

    /// The data field as stored text: an object's JSON (a string is taken as JSON text), with
    /// masks restored from `storedData`.
    func dataText(_ reader: BodyReader, storedData: String?) throws(CatalogError) -> String {
        guard let value = reader.value("data") else { throw CatalogError(.invalid, "the \(reader.what) needs \"data\"") }
        let text: String = if case .string(let text) = value { text } else { value.jsonText }
        return try Self.restoringMasks(text, from: storedData, what: reader.what)
    }

    /// `text` with masks replaced by the stored values; the stored text itself when they mean the same.
    static func restoringMasks(_ text: String, from stored: String?, what: String) throws(CatalogError) -> String {
        let restored: String
        do { restored = try MaskedEdit.restore(text, from: stored ?? "") } catch { throw CatalogError(.invalid, "\(what) data: \(error)") }
        try refuseStrayMask(restored, what: what)
        guard let stored else { return restored }
        if restored == stored { return stored }
        // The same JSON in other spelling (key order, spaces) keeps the stored text.
        guard let parsed = try? JSONValue.parse(restored), parsed == (try? JSONValue.parse(stored)) else { return restored }
        return stored
    }

    /// Refuses data that still holds the mask after restoring: a mask where the shown value had
    /// none (`http://u:********@h/` for a shown `http://********@h/`) would be stored as the
    /// secret itself.
    static func refuseStrayMask(_ data: String, what: String) throws(CatalogError) {
        guard data.contains(SecretMask.mask) else { return }
        throw CatalogError(.invalid, "\(what) data holds the mask \(SecretMask.mask) where no stored secret matches it; write the value out, or send back exactly what was shown")
    }

    /// Validates data strictly against a plugin type, with the CLI's messages.
    func validate(_ kind: PluginKind, type: String, data: String) throws(CatalogError) {
        do {
            _ = try host.validate(try host.type(kind, type), data: data, strict: true)
        } catch {
            throw CatalogError(.invalid, "\(error)")
        }
    }

    /// A resource as a JSON value, as the API shows it.
    package static func json<T: Encodable>(_ value: T) -> JSONValue {
        (try? CatalogJSON.decoder.decode(JSONValue.self, from: CatalogJSON.encoder.encode(value))) ?? .null
    }

    /// `current` with the merge patch `patch` applied, read as a `what` whose fields are
    /// `known`; `readOnly` fields may be sent back unchanged, and any other change to them is refused.
    /// `derived` fields (worked out when shown, such as a check's overlay) may be sent back and are ignored.
    static func patched<T: Encodable>(_ current: T, with patch: JSONValue, what: String, known: [String], readOnly: [String],
                                      derived: [String] = []) throws(CatalogError) -> BodyReader {
        guard case .object = patch else { throw CatalogError(.invalid, "the patch must be a JSON object, got \(patch.typeDescription)") }
        let shown = json(current)
        let reader = try BodyReader(try MergePatch.apply(patch, to: shown), what: what, known: known,
                                    ignored: readOnly.filter { !known.contains($0) } + derived)
        try requireUnchanged(reader, current: shown, fields: readOnly, what: what)
        return reader
    }

    /// Refuses a patch that changes a read-only field.
    private static func requireUnchanged(_ reader: BodyReader, current: JSONValue, fields: [String], what: String) throws(CatalogError) {
        guard case .object(let currentFields) = current else { return }
        for field in fields where reader.value(field) != currentFields[field] && !(reader.value(field) == nil && currentFields[field] == nil) {
            throw CatalogError(.invalid, "\(what) \(field) is set by bearmon and cannot be changed; leave it out of the patch")
        }
    }
}
