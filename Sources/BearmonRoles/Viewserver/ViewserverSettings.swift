package import BearmonConfig

/// `[viewserver]` beyond the address: the controller candidates to ping and the lease timings.
package struct ViewserverSettings: Sendable, Equatable {
    /// `[viewserver] controller`, one line per worker: the candidates' host:port, in file order.
    package var candidates: [String]
    /// `[viewserver] lease` and `pingInterval`.
    package var lease: LeaseSettings

    /// Candidates with the given (or default) timings.
    package init(candidates: [String], lease: LeaseSettings = LeaseSettings()) {
        self.candidates = candidates
        self.lease = lease
    }

    /// `[viewserver]` from `config`; a viewserver with no candidate is refused, naming the fix.
    package static func from(_ config: Config) throws(ConfigError) -> ViewserverSettings {
        let candidates = config.list("viewserver", "controller")
        guard !candidates.isEmpty else {
            throw ConfigError(file: config.file, line: 0, reason: "[viewserver] lists no controller; add one `controller = host:port` line per worker")
        }
        return ViewserverSettings(candidates: candidates, lease: try LeaseSettings.from(config))
    }
}
