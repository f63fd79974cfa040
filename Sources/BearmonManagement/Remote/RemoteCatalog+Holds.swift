package import BearmonCore

extension RemoteCatalog {
    /// A page of maintenance windows.
    package func listMaintenances(_ page: PageRequest) throws(CatalogError) -> Page<MaintenanceResource> {
        try call("GET", "/maintenances", query: page.query)
    }
    /// One maintenance window.
    package func maintenance(_ id: Int64) throws(CatalogError) -> MaintenanceResource { try call("GET", "/maintenances/\(id)") }
    /// Adds a maintenance window; the node records the token's name as its creator, so `creator` is not sent.
    package func createMaintenance(_ body: JSONValue, creator: String?) throws(CatalogError) -> MaintenanceResource {
        try call("POST", "/maintenances", body: body)
    }
    /// Removes a maintenance window.
    package func deleteMaintenance(_ id: Int64) throws(CatalogError) { try send("DELETE", "/maintenances/\(id)") }

    /// A page of silences, all or only the active (or only the ended) ones.
    package func listSilences(_ page: PageRequest, active: Bool?) throws(CatalogError) -> Page<SilenceResource> {
        try call("GET", "/silences", query: page.query + (active.map { [("active", String($0))] } ?? []))
    }
    /// One silence.
    package func silence(_ id: Int64) throws(CatalogError) -> SilenceResource { try call("GET", "/silences/\(id)") }
    /// Starts a silence; the node records the token's name as its creator.
    package func createSilence(_ body: JSONValue, creator: String?) throws(CatalogError) -> SilenceResource {
        try call("POST", "/silences", body: body)
    }
    /// Ends a silence early.
    package func endSilence(_ id: Int64) throws(CatalogError) { try send("DELETE", "/silences/\(id)") }
}
