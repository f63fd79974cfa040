package import BearmonCore

/// The bodies of monitor-srv's query answers, in its field names.
package enum MonitorAnswer {
    /// `GET /v1/healthchecks`: `{"healthChecks": [...]}`.
    package struct HealthChecks: Codable, Sendable, Equatable {
        /// The healthchecks, ordered by id then node.
        package var healthChecks: [MonitorHealthCheck]
    }

    /// `GET /v1/services`: `{"services": [...]}`, one entry per name and version.
    package struct Services: Codable, Sendable, Equatable {
        /// The services, each with its nodes.
        package var services: [MonitorService]
    }

    /// `GET /v1/status`: `{"status": [...]}`.
    package struct Status: Codable, Sendable, Equatable {
        /// Per service (nodes merged), or per node with `verbose` or an `id`.
        package var status: [MonitorStatus]
    }

    /// `GET /v1/stats`: `{"stats": [...]}`, one entry per node.
    package struct Stats: Codable, Sendable, Equatable {
        /// The stats, ordered by node.
        package var stats: [MonitorStats]
    }
}
