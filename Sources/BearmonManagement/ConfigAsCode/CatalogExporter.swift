import BearmonCore
package import BearmonPlugins
import BearmonSystem
import Yams

/// Writes a ``StoredCatalog`` as a config-as-code file: the format `apply` reads, every field
/// written out, secrets masked (the mask means "keep the stored value" to `apply`) unless
/// asked for. Applying the output to the same database changes nothing.
package struct CatalogExporter {
    /// The plugins whose declared secret parameters say what to mask.
    package let host: PluginHost

    /// An exporter over `host`'s types.
    package init(host: PluginHost) { self.host = host }

    /// The YAML text for `stored`.
    package func yaml(_ stored: StoredCatalog, withSecrets: Bool) throws -> String {
        try stored.requireUnambiguous()
        let masker = DataMasker(host: host)
        var checks: [(Node, Node)] = []
        for row in stored.checks {
            let data = withSecrets ? row.data : masker.mask(kind: .check, type: row.type, data: row.data)
            var fields: [(Node, Node)] = [
                (text("type"), text(row.type)),
                (text("data"), dataNode(data)),
                (text("interval"), value(.int(row.interval))),
                (text("delay"), value(.int(row.delay))),
                (text("enabled"), value(.bool(row.enabled))),
                (text("public"), value(.bool(stored.publicIDs.contains(row.id)))),
            ]
            fields.append((text("tags"), Node((stored.tags[row.id] ?? []).map(text), Tag(.seq), .flow)))
            let parents = (stored.dependencies[row.id] ?? []).compactMap { id in stored.checks.first { $0.id == id }?.name }
            if !parents.isEmpty { fields.append((text("depends_on"), Node(parents.sorted().map(text), Tag(.seq), .flow))) }
            if let nodes = stored.nodes[row.id] { fields.append((text("nodes"), Node(nodes.map(text), Tag(.seq), .flow))) }
            checks.append((text(row.name), Node(fields, Tag(.map))))
        }
        var contacts: [(Node, Node)] = []
        for contact in stored.contacts {
            let data = withSecrets ? contact.data : masker.mask(kind: .contact, type: contact.type, data: contact.data)
            contacts.append((text(stored.key(of: contact)), Node([(text("type"), text(contact.type)), (text("data"), dataNode(data))], Tag(.map))))
        }
        let checkNames = Dictionary(stored.checks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let contactKeys = Dictionary(stored.contacts.map { ($0.id, stored.key(of: $0)) }, uniquingKeysWith: { first, _ in first })
        var alerts: [Node] = []
        for alert in stored.alerts {
            // An alert whose check or contact is gone cannot be named; it notifies no one.
            guard let check = checkNames[alert.checkID], let contact = contactKeys[alert.contactID] else { continue }
            // A NULL type never notifies, as a disabled alert does; the file says it that way.
            var fields = [(text("check"), text(check)), (text("contact"), text(contact)),
                          (text("type"), text((alert.type ?? .both).rawValue)), (text("enabled"), value(.bool(alert.enabled && alert.type != nil)))]
            let options = stored.alertOptions[alert.id] ?? AlertOptions()
            if let after = AlertOptions.text(options.afterMilliseconds) { fields.append((text("after"), text(after))) }
            if let every = AlertOptions.text(options.repeatMilliseconds) { fields.append((text("repeat"), text(every))) }
            if let fallback = options.fallbackContactID.flatMap({ contactKeys[$0] }) { fields.append((text("fallback"), text(fallback))) }
            alerts.append(Node(fields, Tag(.map), .flow))
        }
        var maintenances: [(Node, Node)] = []
        for window in stored.maintenances {
            var fields: [(Node, Node)] = []
            switch window.scope {
            case .check(let id):
                // A window whose check is gone covers nothing and cannot be named.
                guard let name = checkNames[id] else { continue }
                fields.append((text("check"), text(name)))
            case .tag(let tag): fields.append((text("tag"), text(tag)))
            case .all: fields.append((text("all"), value(.bool(true))))
            }
            switch window.timing {
            case .oneOff(let start, let end):
                fields += [(text("start"), text(HoldFields.exactText(start))), (text("end"), text(HoldFields.exactText(end)))]
            case .recurring(let cron, let seconds, let zone):
                // Quoted: a cron expression may start with `*`, which plain YAML reads as an alias.
                fields += [(text("cron"), Node(cron, Tag(.str), .doubleQuoted)), (text("duration"), text(HoldFields.durationText(seconds.secondsInMilliseconds))),
                           (text("time_zone"), text(zone))]
            }
            fields.append((text("comment"), text(window.comment)))
            maintenances.append((text(stored.key(of: window)), Node(fields, Tag(.map))))
        }
        let root = Node([
            (text("checks"), Node(checks, Tag(.map))),
            (text("contacts"), Node(contacts, Tag(.map))),
            (text("alerts"), Node(alerts, Tag(.seq))),
            (text("maintenances"), Node(maintenances, Tag(.map))),
        ], Tag(.map))
        let header = withSecrets
            ? "# bearmon catalog, secrets included: keep this file as secret as the database.\n"
            : "# bearmon catalog. Secrets show as \(SecretMask.mask): `bearmon apply` keeps the stored value wherever one is left so.\n"
        return header + (try Yams.serialize(node: root, width: -1, allowUnicode: true))
    }

    /// Stored data as YAML: a JSON object as a mapping, anything else as text.
    private func dataNode(_ data: String) -> Node {
        guard let parsed = try? JSONValue.parse(data), case .object = parsed else { return text(data) }
        return value(parsed)
    }

    /// `value` as a YAML node that reads back as the same value.
    private func value(_ value: JSONValue) -> Node {
        switch value {
        case .null: Node("null", Tag(.null))
        case .bool(let flag): Node(flag ? "true" : "false", Tag(.bool))
        case .int(let number): Node(String(number), Tag(.int))
        case .double(let number): Node(String(number), Tag(.float))
        case .string(let string): text(string)
        case .array(let items): Node(items.map(self.value), Tag(.seq))
        case .object(let object): Node(object.keys.sorted().map { (text($0), self.value(object[$0]!)) }, Tag(.map))
        }
    }

    /// A string node, quoted when plain it would read as something else (a number, true,
    /// null; or yes/no and dates to YAML 1.1 readers).
    private func text(_ string: String) -> Node {
        let plainIsText = CoreSchema.resolve(string) == .value(.string(string))
            && Resolver.default.resolveTag(of: Node(string)) == .str
        return Node(string, Tag(.str), plainIsText ? .any : .doubleQuoted)
    }
}
