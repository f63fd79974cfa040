/// Which stored pushes a query wants, all of it applied in SQL so that no query reads a
/// whole table to filter or page it in memory.
package struct PushSelection: Sendable, Equatable {
    /// Only this service's entries.
    package var service: String?
    /// Only this key: the healthcheck id for healthchecks, the node id otherwise.
    package var id: String?
    /// Only entries with this status; nil means any.
    package var status: Int64?
    /// At most this many rows; nil means every match.
    package var limit: Int?
    /// Matching rows to skip first.
    package var offset = 0

    /// A selection from its parts.
    package init(service: String? = nil, id: String? = nil, status: Int64? = nil, limit: Int? = nil, offset: Int = 0) {
        self.service = service
        self.id = id
        self.status = status
        self.limit = limit
        self.offset = offset
    }
}
