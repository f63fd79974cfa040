import ArgumentParser
import BearmonConfig
import BearmonCore
import BearmonMonitor
import BearmonRoles
import BearmonStore
import Logging

/// `bearmon worker --config F`: a worker plus controller candidate, from a gobearmon file.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run a worker and its controller candidate from a gobearmon-style config file ([controller] addr, [worker] viewAddr)."
    )

    @Option(help: "Worker slots (default: [worker] numThreads, else 16).") var threads: Int?
    @OptionGroup var options: PluginOptions

    func run() async throws {
        let (config, node) = try ClusterSetup.load(options, expecting: .worker)
        let worker: WorkerSettings
        let settings: ControllerSettings
        let push: PushSettings
        let location: StoreLocation
        do {
            worker = try WorkerSettings.from(config)
            settings = try ControllerSettings.from(config, node: node.node, standalone: false)
            push = try PushSettings.from(config)
            location = try StoreLocation.resolve(db: nil, config: config)
        } catch {
            throw CLIFailure(cause: error)
        }
        guard let viewAddress = worker.viewAddress else {
            throw CLIFailure("\(config.file): [worker] viewAddr is not set; it names the viewserver (host:port)")
        }
        let slots = threads ?? worker.threads ?? 16
        let host = try options.makeHost(threads: slots)
        let logger = Logger(label: "bearmon")
        if case .sqlite = location {
            logger.warning("\(config.file) has no [controller] database: this node uses its own SQLite file, so controllers on other nodes cannot take over its checks")
        }
        let store: SQLStore
        do {
            store = try location.open(logger: logger)
            try store.migrate()
        } catch {
            throw CLIFailure(cause: error)
        }
        try await WorkerNode(config: node, viewserver: viewAddress, store: store, host: host, threads: slots, settings: settings, push: push, logger: logger).run()
    }
}

/// `bearmon viewserver --config F`.
struct ViewserverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "viewserver",
        abstract: "Run the viewserver from a gobearmon-style config file ([viewserver] addr and controller list)."
    )

    @OptionGroup var options: PluginOptions

    func run() async throws {
        let (config, node) = try ClusterSetup.load(options, expecting: .viewserver)
        try options.setUpLogging(config)
        let settings: ViewserverSettings
        do { settings = try ViewserverSettings.from(config) } catch { throw CLIFailure(cause: error) }
        try await ViewserverNode(config: node, settings: settings, logger: Logger(label: "bearmon")).run()
    }
}

/// `bearmon run F` (and gobearmon's `bearmon F`): starts the role the file describes.
struct RunConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start the role a gobearmon config file describes: [viewserver] addr makes a viewserver, [controller] addr a worker.",
        discussion: "`bearmon FILE` does the same, as `gobearmon FILE` did."
    )

    @Argument(help: "The config file.") var file: String
    @Option(help: "The plugins directory.") var plugins: String?
    @Flag(help: "Log debug lines.") var debug = false
    @Option(help: "How log lines look: text or json (default: [default] logFormat, else text).") var logFormat: LogFormat?

    func run() async throws {
        let arguments = ["--config", file] + (plugins.map { ["--plugins", $0] } ?? []) + (debug ? ["--debug"] : [])
            + (logFormat.map { ["--log-format", $0.rawValue] } ?? [])
        let config: Config
        do { config = try GcfgParser.load(path: file) } catch { throw CLIFailure(cause: error) }
        let role: NodeConfig.Role
        do { role = try NodeConfig(config).role } catch { throw CLIFailure(cause: error) }
        switch role {
        case .viewserver:
            let command = try ViewserverCommand.parse(arguments)
            try await command.run()
        case .worker:
            let command = try WorkerCommand.parse(arguments)
            try await command.run()
        }
    }
}

/// Shared start-up of cluster roles: the config file is required and must describe `role`.
enum ClusterSetup {
    static func load(_ options: PluginOptions, expecting role: NodeConfig.Role) throws -> (Config, NodeConfig) {
        guard options.config != nil else { throw CLIFailure("--config FILE is required: a gobearmon-style config file describing this node") }
        let config = try options.loadConfig()
        let node: NodeConfig
        do { node = try NodeConfig(config) } catch { throw CLIFailure(cause: error) }
        guard node.role == role else {
            throw CLIFailure("\(config.file) describes a \(node.role.rawValue), not a \(role.rawValue); start it with `bearmon \(node.role.rawValue) --config \(config.file)` or `bearmon \(config.file)`")
        }
        return (config, node)
    }
}
