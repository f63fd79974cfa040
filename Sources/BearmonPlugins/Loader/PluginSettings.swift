package import BearmonConfig

/// `[plugins]`: where the plugin files are.
package struct PluginSettings: Sendable, Equatable {
    /// `[plugins] dir`, when set; else the loader uses ``PluginLoader/defaultDirectory``.
    package var directory: String?

    /// Nothing set.
    package init() {}

    /// `[plugins]` from `config`.
    package static func from(_ config: Config) -> PluginSettings {
        var settings = PluginSettings()
        settings.directory = config.string("plugins", "dir")
        return settings
    }
}
