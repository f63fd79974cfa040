/// A healthcheck as go-micro's monitor clients publish it, and as `GET /v1/healthchecks`
/// answers it. Fields a client left out stay out of the answer.
public struct MonitorHealthCheck: Codable, Sendable, Equatable {
    /// What `status` means: 0 UNKNOWN, 1 OK, 2 ERROR.
    public static let statusNames = ["UNKNOWN", "OK", "ERROR"]
    /// The OK status.
    public static let ok: Int64 = 1
    /// The ERROR status.
    public static let error: Int64 = 2

    /// "OK" for 1, and so on; "status N" for a number outside the enum.
    public static func statusName(_ status: Int64) -> String {
        statusNames.indices.contains(Int(status)) ? statusNames[Int(status)] : "status \(status)"
    }

    /// The healthcheck's id, for example "go.micro.healthcheck.ping".
    public var id: String?
    /// What it checks.
    public var description: String?
    /// Unix seconds (a float in older clients). In answers, as bearmon stored it: clamped
    /// to when the push arrived.
    public var timestamp: Double?
    /// Seconds until it is stale.
    public var interval: Int64?
    /// Seconds until it expires.
    public var ttl: Int64?
    /// Who pushed it.
    public var service: MonitorService?
    /// 0 UNKNOWN, 1 OK, 2 ERROR.
    public var status: Int64?
    /// Free-form results.
    public var results: [String: String]?
    /// What went wrong, when status is ERROR.
    public var error: String?

    /// A healthcheck.
    public init(id: String, description: String? = nil, timestamp: Double? = nil, interval: Int64? = nil, ttl: Int64? = nil,
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
    public init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: MonitorKey.self)
        id = try fields.string("id")
        description = try fields.string("description")
        (service, timestamp, interval, ttl) = try fields.envelope()
        status = try fields.enumeration("status", names: Self.statusNames)
        results = try fields.stringMap("results")
        error = try fields.string("error")
    }
}
