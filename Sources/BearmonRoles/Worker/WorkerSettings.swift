package import BearmonConfig

/// `[worker]`: where a cluster worker finds the viewserver, and how many checks it runs at once.
package struct WorkerSettings: Sendable, Equatable {
    /// `[worker] viewAddr`: the viewserver's host:port, which a cluster worker needs.
    package var viewAddress: String?
    /// `[worker] numThreads`: worker slots, when set (each command has its own default).
    package var threads: Int?

    /// Nothing set.
    package init() {}

    /// `[worker]` from `config`; a bad value names the file and line.
    package static func from(_ config: Config) throws(ConfigError) -> WorkerSettings {
        var settings = WorkerSettings()
        settings.viewAddress = config.string("worker", "viewAddr")
        if let threads = try config.int("worker", "numThreads") {
            guard threads >= 1 else { throw config.error("worker", "numThreads", "must be at least 1") }
            settings.threads = threads
        }
        return settings
    }
}
