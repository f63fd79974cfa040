/// A healthcheck as go-micro's monitor clients publish it, and as `GET /v1/healthchecks`
/// answers it. Fields a client left out stay out of the answer.
package struct MonitorHealthCheck: Codable, Sendable, Equatable {
    /// What `status` means: 0 UNKNOWN, 1 OK, 2 ERROR.
    package static let statusNames = ["UNKNOWN", "OK", "ERROR"]
    /// The OK status.
    package static let ok: Int64 = 1
    /// The ERROR status.
    package static let error: Int64 = 2

    /// "OK" for 1, and so on; "status N" for a number outside the enum.
    package static func statusName(_ status: Int64) -> String {
        statusNames.indices.contains(Int(status)) ? statusNames[Int(status)] : "status \(status)"
    }

    /// The healthcheck's id, for example "go.micro.healthcheck.ping".
    package var id: String?
    /// What it checks.
    package var description: String?
    /// Unix seconds (a float in older clients). In answers, as bearmon stored it: clamped
    /// to when the push arrived.
    package var timestamp: Double?
    /// Seconds until it is stale.
    package var interval: Int64?
    /// Seconds until it expires.
    package var ttl: Int64?
    /// Who pushed it.
    package var service: MonitorService?
    /// 0 UNKNOWN, 1 OK, 2 ERROR.
    package var status: Int64?
    /// Free-form results.
    package var results: [String: String]?
    /// What went wrong, when status is ERROR.
    package var error: String?

    /// A healthcheck.
    package init(id: String, description: String? = nil, timestamp: Double? = nil, interval: Int64? = nil, ttl: Int64? = nil,
                service: MonitorService, status: Int64, results: [String: String]? = nil, error: String? = nil) {
        self.id = id
        self.description = description
        self.timestamp = timestamp
        self.interval = interval
        self.ttl = ttl
        self.service = service
        self.status = status
        self.results = results
        self.error = error
    }

    /// Reads camelCase or snake_case keys (see ``MonitorKey``).
    package init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: MonitorKey.self)
        id = try fields.string("id")
        description = try fields.string("description")
        (service, timestamp, interval, ttl) = try fields.envelope()
        status = try fields.enumeration("status", names: Self.statusNames)
        results = try fields.stringMap("results")
        error = try fields.string("error")
    }
}
