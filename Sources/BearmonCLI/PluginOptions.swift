import ArgumentParser
import BearmonConfig
import BearmonPlugins
import Foundation
import Logging

/// Options shared by every command that loads plugins.
struct PluginOptions: ParsableArguments {
    @Option(name: .long, help: "A gobearmon-style config file ([plugins] dir, and sections such as [smtp] for plugins).")
    var config: String?

    @Option(name: .long, help: "The plugins directory (default: [plugins] dir, else PREFIX/lib/bearmon/plugins for a binary installed as PREFIX/bin/bearmon, else the directory holding the bearmon binary).")
    var plugins: String?

    @Flag(name: .long, help: "Log debug lines.")
    var debug = false

    @Option(name: .long, help: "How log lines look: text, or json for one JSON object a line (default: [default] logFormat, else text).")
    var logFormat: LogFormat?

    /// Reads the config (or an empty one), sets up logging, and loads the plugins.
    func makeHost(threads: Int) throws -> PluginHost {
        let loaded = try loadConfig()
        try setUpLogging(loaded)
        let directory = plugins ?? PluginSettings.from(loaded).directory ?? PluginLoader.defaultDirectory
        // Isolated modules' helpers read the same config file; the path is absolute because
        // nothing promises the node stays in the directory it started in.
        let path = config.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var launch = HelperLaunch(configPath: path, threads: threads)
        launch.debug = try debug || LogSetup.debug(in: loaded)
        do { return try PluginHost(config: loaded, directory: directory, threads: threads, launch: launch) } catch { throw CLIFailure(cause: error) }
    }

    /// Logs debug lines when `--debug` or `[default] debug` asks for them, as `--log-format`
    /// or `[default] logFormat` says.
    func setUpLogging(_ config: Config) throws {
        do {
            LogSetup.bootstrap(debug: try debug || LogSetup.debug(in: config), format: try logFormat ?? LogSetup.format(in: config) ?? .text)
        } catch {
            throw CLIFailure(cause: error)
        }
    }

    func loadConfig() throws -> Config {
        guard let config else { return Config() }
        do {
            let parsed = try GcfgParser.load(path: config)
            try parsed.validateHostSections()
            return parsed
        } catch {
            throw CLIFailure(cause: error)
        }
    }
}
