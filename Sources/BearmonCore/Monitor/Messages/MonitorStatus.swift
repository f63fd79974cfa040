/// A service node's status as go-micro's monitor clients publish it, and as `GET /v1/status`
/// answers it.
package struct MonitorStatus: Codable, Sendable, Equatable {
    /// What `status` means: 0 UNKNOWN, 1 STARTED, 2 RUNNING, 3 STOPPED.
    package static let statusNames = ["UNKNOWN", "STARTED", "RUNNING", "STOPPED"]

    /// Who pushed it.
    package var service: MonitorService?
    /// 0 UNKNOWN, 1 STARTED, 2 RUNNING, 3 STOPPED.
    package var status: Int64?
    /// Free text; "Last update Ns ago" once the status went stale.
    package var info: String?
    /// Unix seconds, clamped to when the push arrived.
    package var timestamp: Double?
    /// Seconds until it is stale.
    package var interval: Int64?
    /// Seconds until it expires.
    package var ttl: Int64?

    /// A status.
    package init(service: MonitorService?, status: Int64?, info: String?, timestamp: Double? = nil, interval: Int64? = nil, ttl: Int64? = nil) {
        self.service = service
        self.status = status
        self.info = info
        self.timestamp = timestamp
        self.interval = interval
        self.ttl = ttl
    }

    /// Reads camelCase or snake_case keys (see ``MonitorKey``).
    package init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: MonitorKey.self)
        (service, timestamp, interval, ttl) = try fields.envelope()
        status = try fields.enumeration("status", names: Self.statusNames)
        info = try fields.string("info")
    }
}
