package import BearmonCore

extension LocalCatalog {
    /// A page of maintenance windows, by id.
    package func listMaintenances(_ request: PageRequest) throws(CatalogError) -> Page<MaintenanceResource> {
        let rows = try stored { try store.maintenances() }
        let (items, next) = try page(rows, list: "maintenances", id: \.id, request)
        let now = now()
        return Page(items: items.map { MaintenanceResource($0, now: now) }, next: next)
    }

    /// One maintenance window.
    package func maintenance(_ id: Int64) throws(CatalogError) -> MaintenanceResource {
        MaintenanceResource(try maintenanceRow(id), now: now())
    }

    /// Adds a maintenance window (README, "Maintenance windows"); `creator` is the API token's
    /// name, nil for the local user. Everything is checked before anything is written.
    package func createMaintenance(_ body: JSONValue, creator: String?) throws(CatalogError) -> MaintenanceResource {
        let reader = try BodyReader(body, what: "maintenance window", known: MaintenanceInput.bodyFields)
        let input = try MaintenanceInput(reader, checkByName: false)
        let now = now()
        try input.requireUpcoming(now: now)
        let scope = try holdScope(input.target)
        let row = input.row(scope: scope, createdBy: creator ?? HoldFields.localCreator())
        let id = try stored { try store.addMaintenance(row, now: now) }
        return try maintenance(id)
    }

    /// Removes a maintenance window; notifications it held are released by the controller's next pass.
    package func deleteMaintenance(_ id: Int64) throws(CatalogError) {
        try requirePositive(id, "maintenance")
        try stored { try store.removeMaintenance(id) }
    }

    /// The scope of `target`, refusing a check that does not exist or a tag no check has:
    /// a hold on nothing is surely a typo.
    func holdScope(_ target: MaintenanceInput.Target) throws(CatalogError) -> HoldScope {
        switch target {
        case .checkID(let id):
            guard try stored({ try store.checkRow(id) }) != nil else {
                throw CatalogError(.invalid, "check_id \(id): check \(id) does not exist; `bearmon checks list` shows the checks")
            }
            return .check(id)
        case .checkName(let name):
            let ids = try stored { try store.checkRows().filter { $0.name == name }.map(\.id) }
            guard ids.count == 1, let id = ids.first else {
                throw CatalogError(.invalid, ids.isEmpty ? "check '\(BodyReader.printable(name))' does not exist" : "checks \(ids.map(String.init).joined(separator: ", ")) share the name '\(name)'; give the check's id")
            }
            return .check(id)
        case .tag(let tag):
            let tags = try stored { try store.checkTags() }
            guard tags.values.contains(where: { $0.contains(tag) }) else {
                throw CatalogError(.invalid, "tag '\(tag)' is on no check; tag the checks first (`bearmon checks edit ID --tag \(tag)`) or fix the tag")
            }
            return .tag(tag)
        case .all:
            return .all
        }
    }

    private func maintenanceRow(_ id: Int64) throws(CatalogError) -> MaintenanceRow {
        try requirePositive(id, "maintenance")
        guard let row = try stored({ try store.maintenances().first { $0.id == id } }) else {
            throw CatalogError(.notFound, "maintenance \(id) does not exist")
        }
        return row
    }
}
