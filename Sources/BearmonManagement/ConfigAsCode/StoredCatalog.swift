package import BearmonCore
package import BearmonStore

/// The catalog as stored, read once: what `apply` diffs the file against and what `export`
/// writes. Contacts without a name go by `contact-ID` (see ``key(of:)``).
package struct StoredCatalog: Sendable, Equatable {
    /// Every check row, by id.
    package let checks: [CheckRow]
    /// Every contact, by id.
    package let contacts: [Contact]
    /// Every alert, by id.
    package let alerts: [Alert]
    /// Each check's tags, sorted.
    package let tags: [Int64: [String]]
    /// The ids of public checks.
    package let publicIDs: Set<Int64>
    /// Each pinned check's nodes, sorted.
    package let nodes: [Int64: [String]]
    /// Each named contact's name.
    package let contactNames: [Int64: String]
    /// Every maintenance window, by id.
    package let maintenances: [MaintenanceRow]
    /// Each check's parents (issue 22), sorted.
    package let dependencies: [Int64: [Int64]]
    /// Each stored alert's options (issue 23) when not plain; a fallback to a contact that is
    /// gone reads as none, as delivery treats it.
    package let alertOptions: [Int64: AlertOptions]

    /// Reads the catalog from `store`.
    package init(store: any Store) throws {
        checks = try store.checkRows()
        contacts = try store.contacts()
        alerts = try store.alerts()
        tags = try store.checkTags()
        publicIDs = try store.publicCheckIDs()
        nodes = try store.checkNodes()
        contactNames = try store.contactNames()
        maintenances = try store.maintenances()
        dependencies = try store.dependencies()
        let alertIDs = Set(alerts.map(\.id)), contactIDs = Set(contacts.map(\.id))
        var options: [Int64: AlertOptions] = [:]
        for (id, var option) in try store.alertOptions() where alertIDs.contains(id) {
            if let fallback = option.fallbackContactID, !contactIDs.contains(fallback) { option.fallbackContactID = nil }
            if !option.isPlain { options[id] = option }
        }
        alertOptions = options
    }

    /// A window's name in a file: its own, or `maintenance-ID` when it has none.
    package func key(of window: MaintenanceRow) -> String {
        window.name.isEmpty ? MaintenanceInput.unnamedPrefix + String(window.id) : window.name
    }

    /// The prefix of the names that stand for unnamed contacts.
    package static let unnamedPrefix = "contact-"

    /// A contact's name in a file: its own, or `contact-ID` when it has none.
    package func key(of contact: Contact) -> String { contactNames[contact.id] ?? Self.unnamedPrefix + String(contact.id) }

    /// The id that `name` stands for when it has the form `contact-ID`.
    package static func unnamedID(_ name: String) -> Int64? { unnamedID(name, prefix: unnamedPrefix) }

    /// The id that `name` stands for when it has the form PREFIX-ID (no leading zero).
    package static func unnamedID(_ name: String, prefix: String) -> Int64? {
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), digits.first != "0" else { return nil }
        return Int64(digits)
    }

    /// Refuses a catalog that a file cannot describe one to one: checks sharing a name, a
    /// named contact whose name is another's `contact-ID`, two alerts linking the same check
    /// and contact. Each message names the rows and the fix.
    package func requireUnambiguous() throws(CatalogError) {
        var problems: [String] = []
        for (name, rows) in Dictionary(grouping: checks, by: \.name) where rows.count > 1 {
            let ids = rows.map { String($0.id) }
            problems.append("checks \(ids.joined(separator: ", ")) share the name '\(name)'; config as code needs unique check names: rename all but one (`bearmon checks edit \(ids.last!) --name NEW`) or remove them")
        }
        for (key, rows) in Dictionary(grouping: contacts, by: key(of:)) where rows.count > 1 {
            let ids = rows.map { String($0.id) }
            problems.append("contacts \(ids.joined(separator: ", ")) would all be '\(key)' in a file (an unnamed contact goes by contact-ID); rename the named one")
        }
        let checkNames = Dictionary(checks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let contactKeys = Dictionary(contacts.map { ($0.id, key(of: $0)) }, uniquingKeysWith: { first, _ in first })
        let pairs = Dictionary(grouping: alerts.filter { checkNames[$0.checkID] != nil && contactKeys[$0.contactID] != nil }) { AlertPair(check: $0.checkID, contact: $0.contactID) }
        for (pair, rows) in pairs.sorted(by: { $0.value[0].id < $1.value[0].id }) where rows.count > 1 {
            let ids = rows.map { String($0.id) }
            problems.append("alerts \(ids.joined(separator: ", ")) all link check '\(checkNames[pair.check]!)' to contact '\(contactKeys[pair.contact]!)'; config as code needs one alert per check and contact: remove the others (`bearmon alerts rm \(ids.last!)`)")
        }
        guard problems.isEmpty else { throw CatalogError(.conflict, problems.sorted().joined(separator: "\n")) }
    }

    /// A check and a contact that an alert links.
    struct AlertPair: Hashable {
        /// The check's id.
        let check: Int64
        /// The contact's id.
        let contact: Int64
    }
}
