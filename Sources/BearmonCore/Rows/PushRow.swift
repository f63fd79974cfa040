/// Which of monitor-srv's three kinds of push a row holds, and its table.
package enum PushKind: String, Sendable, CaseIterable {
    /// A healthcheck: one row per (healthcheck id, node).
    case healthCheck
    /// A node's status: one row per node.
    case status
    /// A node's stats: one row per node.
    case stats

    /// The column a query's `id` names: the healthcheck id, or the node id.
    package var keyColumn: String { self == .healthCheck ? "healthcheck_id" : "node_id" }

    /// The table the rows live in.
    package var table: String {
        switch self {
        case .healthCheck: "push_healthchecks"
        case .status: "push_status"
        case .stats: "push_stats"
        }
    }
}

/// One stored push: the columns bearmon queries on, and the message itself as JSON.
package struct PushRow: Sendable, Equatable {
    /// The kind.
    package var kind: PushKind
    /// The healthcheck's id; "" for status and stats.
    package var healthCheckID: String
    /// The sending node's id.
    package var nodeID: String
    /// The service's name.
    package var serviceName: String
    /// The service's version.
    package var serviceVersion: String
    /// The pushed status (healthcheck: 0 UNKNOWN, 1 OK, 2 ERROR; status: 0 UNKNOWN, 1
    /// STARTED, 2 RUNNING, 3 STOPPED); 0 for stats.
    package var status: Int64
    /// A status's info; "" otherwise.
    package var info: String
    /// The client's timestamp, unix milliseconds, clamped to `receivedAt`.
    package var timestamp: Int64
    /// When bearmon received it, unix milliseconds: freshness is judged from this.
    package var receivedAt: Int64
    /// Seconds until it is stale.
    package var intervalSeconds: Int64
    /// Seconds until it expires (with `intervalSeconds` also past).
    package var ttlSeconds: Int64
    /// The message as monitor-srv's JSON (see ``MonitorJSON``).
    package var body: String

    /// Creates a row.
    package init(kind: PushKind, healthCheckID: String = "", nodeID: String, serviceName: String, serviceVersion: String, status: Int64 = 0,
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
package struct PushReaping: Sendable, Equatable {
    /// Rows deleted because they expired, over all three tables.
    package var expired: Int64 = 0
    /// Statuses marked UNKNOWN ("Last update Ns ago").
    package var markedUnknown: Int64 = 0

    /// Nothing done yet.
    package init(expired: Int64 = 0, markedUnknown: Int64 = 0) {
        self.expired = expired
        self.markedUnknown = markedUnknown
    }
}
