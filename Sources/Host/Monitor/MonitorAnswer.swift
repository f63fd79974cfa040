/// The bodies of monitor-srv's query answers, in its field names.
public enum MonitorAnswer {
    /// `GET /v1/healthchecks`: `{"healthChecks": [...]}`.
    public struct HealthChecks: Codable, Sendable, Equatable {
        /// The healthchecks, ordered by id then node.
        public var healthChecks: [MonitorHealthCheck]
    }

    /// `GET /v1/services`: `{"services": [...]}`, one entry per name and version.
    public struct Services: Codable, Sendable, Equatable {
        /// The services, each with its nodes.
        public var services: [MonitorService]
    }

    /// `GET /v1/status`: `{"status": [...]}`.
    public struct Status: Codable, Sendable, Equatable {
        /// Per service (nodes merged), or per node with `verbose` or an `id`.
        public var status: [MonitorStatus]
    }

    /// `GET /v1/stats`: `{"stats": [...]}`, one entry per node.
    public struct Stats: Codable, Sendable, Equatable {
        /// The stats, ordered by node.
        public var stats: [MonitorStats]
    }
}
