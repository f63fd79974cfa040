import BearmonCore

/// The parameters of a monitor-srv query (`GET /v1/healthchecks?service=&id=&status=&limit=&offset=`,
/// and the same names for services, status and stats). An empty value means "any".
package struct MonitorQuery: Sendable, Equatable {
    /// Only this service's entries.
    package var service: String?
    /// Only this id: a healthcheck's id, or a node's id for status and stats.
    package var id: String?
    /// Only healthchecks with this status; 0 means any.
    package var status: Int64 = 0
    /// At most this many entries; monitor-srv's default is 10, and more than ``maxLimit`` is
    /// clamped to it.
    package var limit = 10
    /// The most entries one query answers with, whatever `limit` asks for.
    package static let maxLimit = 1_000
    /// Entries to skip first.
    package var offset = 0
    /// Status per node instead of per service.
    package var verbose = false

    /// The query names, for messages and for `bearmon query`.
    package static let names = ["service", "id", "status", "limit", "offset", "verbose"]

    /// Any entry.
    package init() {}

    /// Reads `parameters`; a number that is not one gives 400 naming the parameter.
    package init(parameters: [String: String]) throws(PushRefusal) {
        func text(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }
        func number(_ name: String) throws(PushRefusal) -> Int? {
            guard let value = text(name) else { return nil }
            guard let number = Int(value), number >= 0 else { throw .badRequest("\(name) must be a whole number of 0 or more, got '\(value)'") }
            return number
        }
        service = text("service")
        id = text("id")
        status = Int64(try number("status") ?? 0)
        // monitor-srv treats a limit of 0 as "not given".
        limit = min(try number("limit").flatMap { $0 == 0 ? nil : $0 } ?? 10, Self.maxLimit)
        offset = try number("offset") ?? 0
        switch text("verbose")?.lowercased() {
        case nil, "false", "0": verbose = false
        case "true", "1": verbose = true
        case let other?: throw .badRequest("verbose must be true or false, got '\(other)'")
        }
    }

    /// The non-default parameters, to send as a URL query.
    package var parameters: [(String, String)] {
        var items: [(String, String)] = []
        if let service { items.append(("service", service)) }
        if let id { items.append(("id", id)) }
        if status != 0 { items.append(("status", String(status))) }
        if limit != 10 { items.append(("limit", String(limit))) }
        if offset != 0 { items.append(("offset", String(offset))) }
        if verbose { items.append(("verbose", "true")) }
        return items
    }

    /// The rows this query asks for, windowed by `offset` and `limit` in SQL; `status` 0 is any.
    var selection: PushSelection {
        PushSelection(service: service, id: id, status: status == 0 ? nil : status, limit: limit, offset: offset)
    }
}
