/// Which of monitor-srv's three kinds of push a row holds, and its table.
public enum PushKind: String, Sendable, CaseIterable {
    /// A healthcheck: one row per (healthcheck id, node).
    case healthCheck
    /// A node's status: one row per node.
    case status
    /// A node's stats: one row per node.
    case stats

    /// The table the rows live in.
    var table: String {
        switch self {
        case .healthCheck: "push_healthchecks"
        case .status: "push_status"
        case .stats: "push_stats"
        }
    }
}

/// One stored push: the columns bearmon queries on, and the message itself as JSON.
public struct PushRow: Sendable, Equatable {
    /// The kind.
    public var kind: PushKind
    /// The healthcheck's id; "" for status and stats.
    public var healthCheckID: String
    /// The sending node's id.
    public var nodeID: String
    /// The service's name.
    public var serviceName: String
    /// The service's version.
    public var serviceVersion: String
    /// The pushed status (healthcheck: 0 UNKNOWN, 1 OK, 2 ERROR; status: 0 UNKNOWN, 1
    /// STARTED, 2 RUNNING, 3 STOPPED); 0 for stats.
    public var status: Int64
    /// A status's info; "" otherwise.
    public var info: String
    /// The client's timestamp, unix milliseconds, clamped to `receivedAt`.
    public var timestamp: Int64
    /// When bearmon received it, unix milliseconds: freshness is judged from this.
    public var receivedAt: Int64
    /// Seconds until it is stale.
    public var intervalSeconds: Int64
    /// Seconds until it expires (with `intervalSeconds` also past).
    public var ttlSeconds: Int64
    /// The message as monitor-srv's JSON (see ``MonitorJSON``).
    public var body: String

    /// Creates a row.
    public init(kind: PushKind, healthCheckID: String = "", nodeID: String, serviceName: String, serviceVersion: String, status: Int64 = 0,
                info: String = "", timestamp: Int64, receivedAt: Int64, intervalSeconds: Int64, ttlSeconds: Int64, body: String) {
        self.kind = kind
        self.healthCheckID = healthCheckID
        self.nodeID = nodeID
        self.serviceName = serviceName
        self.serviceVersion = serviceVersion
        self.status = status
        self.info = info
        self.timestamp = timestamp
        self.receivedAt = receivedAt
        self.intervalSeconds = intervalSeconds
        self.ttlSeconds = ttlSeconds
        self.body = body
    }
}

/// What one reaper pass did.
public struct PushReaping: Sendable, Equatable {
    /// Rows deleted because they expired, over all three tables.
    public var expired: Int64 = 0
    /// Statuses marked UNKNOWN ("Last update Ns ago").
    public var markedUnknown: Int64 = 0

    /// Nothing done yet.
    public init(expired: Int64 = 0, markedUnknown: Int64 = 0) {
        self.expired = expired
        self.markedUnknown = markedUnknown
    }
}
