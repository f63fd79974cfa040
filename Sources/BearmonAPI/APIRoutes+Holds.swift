import BearmonCore
import BearmonManagement

extension APIRoutes {
    /// `maintenances` and `silences`: list, get, create (the token's name is the creator) and
    /// delete; no patch, as a window or silence is replaced rather than edited. Deleting a
    /// silence ends it early and keeps it for history; `GET silences?active=true|false` filters.
    static func holds(_ catalog: any CatalogService) -> [APIEndpoint] {
        collection("maintenances", noun: "maintenance window", list: { page, _ in try catalog.listMaintenances(page) },
                   get: { try catalog.maintenance($0) }, create: { try catalog.createMaintenance($0, creator: $1) },
                   update: nil, delete: { id, _ in try catalog.deleteMaintenance(id) })
            + collection("silences", noun: "silence", filters: ["active"], list: { page, filters in
                try catalog.listSilences(page, active: try activeFilter(filters["active"]))
            }, get: { try catalog.silence($0) }, create: { try catalog.createSilence($0, creator: $1) },
            update: nil, delete: { id, _ in try catalog.endSilence(id) })
    }

    /// `?active=` as a flag: true, false, or absent.
    private static func activeFilter(_ text: String?) throws(CatalogError) -> Bool? {
        switch text {
        case nil: nil
        case "true": true
        case "false": false
        case let text?: throw CatalogError(.invalid, "active \(APIInput.quoted(text)) is not true or false; leave it out for every silence")
        }
    }
}
