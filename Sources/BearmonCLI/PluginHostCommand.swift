import ArgumentParser
import BearmonConfig
import BearmonPlugins
import Foundation
import Logging

/// `bearmon plugin-host`: the helper a node starts for each module `[plugins] isolate`
/// names. Not for people: it speaks the node's framed protocol on descriptor 3.
struct PluginHostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin-host",
        abstract: "Run one isolated plugin module for a node (started by the node itself).",
        shouldDisplay: false
    )

    @Option(help: "The module's file.") var module: String
    @Option(help: "The config file the node was started with.") var config: String?
    @Option(help: "Threads for calls.") var threads = 32
    @Flag(help: "Send debug lines too.") var debug = false

    func run() throws {
        let loaded: Config
        do { loaded = try config.map { try GcfgParser.load(path: $0) } ?? Config() } catch { throw CLIFailure(cause: error) }
        // Lines go to the node as frames; stderr (the node's) is only for what bypasses logging.
        LogSetup.bootstrap(debug: debug)
        PluginHelper.serve(module: module, config: loaded, threads: max(1, threads), level: debug ? .debug : .info)
    }
}
