import ArgumentParser
import BearmonConfig
import BearmonCore
import BearmonMonitor
import BearmonRoles
import BearmonSystem
import Foundation
import Logging


/// `bearmon standalone`: controller, outbox sender and workers in one process.
struct StandaloneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standalone",
        abstract: "Run the controller, the notifier and a worker pool in one process, on the default SQLite file.",
        discussion: "A fresh database gets an example: a check of bearmon's own /healthz, a check of a port where nothing listens, and a log contact. SIGTERM or SIGINT stops it; the outbox keeps undelivered notifications for the next start."
    )

    @Option(help: "Where to serve /healthz, /v1/checks and monitor-srv's API (/v1/healthchecks, /v1/services, /v1/status, /v1/stats).") var addr = "127.0.0.1:8888"
    @Option(help: "Worker slots (default: [worker] numThreads, else 32).") var threads: Int?
    @Option(help: "This node's name (default: [default] node, else standalone).") var node: String?
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let config = try options.plugins.loadConfig()
        let address: HostPort
        do { address = try HostPort(parsing: addr, defaultPort: 8888) } catch { throw CLIFailure("--addr", cause: error) }
        let slots: Int, name: String
        let settings: ControllerSettings
        let push: PushSettings
        let server: ServerSettings
        let api: APISettings
        let status: StatusPageSettings
        let metrics: MetricsSettings
        do {
            slots = try threads ?? WorkerSettings.from(config).threads ?? 32
            name = try node ?? NodeConfig.name(in: config) ?? "standalone"
            settings = try ControllerSettings.from(config, node: name, standalone: true)
            push = try PushSettings.from(config)
            server = try ServerSettings.from(config)
            api = try APISettings.from(config)
            status = try StatusPageSettings.from(config)
            metrics = try MetricsSettings.from(config)
        } catch {
            throw CLIFailure(cause: error)
        }
        let host = try options.plugins.makeHost(threads: slots)
        let logger = Logger(label: "bearmon")
        let store = try options.openStore()
        if try store.checkRows().isEmpty, try store.contacts().isEmpty, try store.view().number == 0 {
            for line in try StandaloneSeed.plant(in: store, host: host, address: address) { logger.notice("new database: added example \(line)") }
        }
        try await StandaloneNode(address: address, node: name, store: store, host: host, threads: slots, settings: settings, push: push, server: server, api: api, status: status, metrics: metrics, logger: logger).run()
    }
}
