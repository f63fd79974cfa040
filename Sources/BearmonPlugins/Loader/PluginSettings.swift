package import BearmonConfig
import Foundation

/// `[plugins]`: where the plugin files are.
package struct PluginSettings: Sendable, Equatable {
    /// `[plugins] dir`, when set; else the loader uses ``PluginLoader/defaultDirectory``.
    package var directory: String?
    /// `[plugins] isolate`: module names (or `*`) run in helper processes; empty by default.
    package var isolate: [String] = []

    /// Nothing set.
    package init() {}

    /// `[plugins]` from `config`.
    package static func from(_ config: Config) -> PluginSettings {
        var settings = PluginSettings()
        settings.directory = config.string("plugins", "dir")
        settings.isolate = config.list("plugins", "isolate")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return settings
    }
}
