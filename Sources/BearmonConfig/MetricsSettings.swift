/// `[metrics]`: who may read a node's `/metrics` (README, "Prometheus metrics").
package struct MetricsSettings: Sendable, Equatable {
    /// `[metrics] open`: true lets anyone read `/metrics`; false (the default) puts it under
    /// the access rule, like every other read.
    package var open: Bool

    /// The settings with `open`.
    package init(open: Bool = false) {
        self.open = open
    }

    /// `[metrics]` from `config`; a value that is not a boolean names the file and line.
    package static func from(_ config: Config) throws(ConfigError) -> MetricsSettings {
        MetricsSettings(open: try config.bool("metrics", "open") ?? false)
    }
}
