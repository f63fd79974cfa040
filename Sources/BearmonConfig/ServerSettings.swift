/// How a node's HTTP server treats connections: `[server]` in the config. Every node kind
/// (standalone, worker, viewserver) reads it.
package struct ServerSettings: Sendable, Equatable {
    /// `[server] maxConnections` (1024): the most inbound connections open at once. Past it a
    /// new connection takes the place of the oldest one that has not sent a complete request
    /// head (or sits idle between requests), or is closed at once when every one is busy.
    package var maxConnections = 1_024
    /// `[server] headerTimeout` (10 s): the whole time a new connection has to send its
    /// first request head (and its TLS handshake). Sending slowly does not extend it.
    package var headerTimeout: Duration = .seconds(10)
    /// `[server] idleTimeout` (60 s): the whole time a kept-alive connection has, after a
    /// response, to send the next complete request head. Sending slowly does not extend it.
    package var idleTimeout: Duration = .seconds(60)
    /// `[server] bodyTimeout` (60 s): the whole time a request has, from its head, to send
    /// its body; past it the connection is closed. Sending slowly does not extend it.
    package var bodyTimeout: Duration = .seconds(60)

    /// The fewest connections `maxConnections` may be: below this the reserve for node
    /// traffic would be meaningless.
    package static let minimumConnections = 8

    /// The defaults.
    package init() {}

    /// Connections kept for signed node-to-node requests (pings, long polls, the view):
    /// requests without the signature headers are answered 503 once `maxConnections` minus
    /// this many of them are in progress. An eighth of the cap, at least 4.
    package var reservedForNodes: Int { max(4, maxConnections / 8) }

    /// `[server]` from `config`; every bad value names the file and line.
    package static func from(_ config: Config) throws(ConfigError) -> ServerSettings {
        var settings = ServerSettings()
        if let max = try config.int("server", "maxConnections") {
            guard max >= minimumConnections, max <= 1_000_000 else {
                throw config.error("server", "maxConnections", "must be \(minimumConnections) to 1000000")
            }
            settings.maxConnections = max
        }
        if let timeout = try config.duration("server", "headerTimeout") { settings.headerTimeout = timeout }
        if let timeout = try config.duration("server", "idleTimeout") { settings.idleTimeout = timeout }
        if let timeout = try config.duration("server", "bodyTimeout") { settings.bodyTimeout = timeout }
        return settings
    }
}
