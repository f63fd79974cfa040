package import ArgumentParser
import BearmonCore
import BearmonSystem
import Foundation

/// The `bearmon` command line.
@available(macOS 10.15, *)
package struct BearmonCommand: AsyncParsableCommand {
    /// The command tree.
    package static let configuration = CommandConfiguration(
        commandName: "bearmon",
        abstract: "A distributed uptime and health monitor whose probes and notifiers are plugins.",
        version: BearmonVersion.current,
        subcommands: [
            PluginsCommand.self, CheckCommand.self, BenchCommand.self, NotifyCommand.self,
            DBCommand.self, ChecksCommand.self, ContactsCommand.self, AlertsCommand.self, TokensCommand.self,
            MaintenanceCommand.self, SilenceCommand.self, AckCommand.self,
            ApplyCommand.self, ExportCommand.self,
            StandaloneCommand.self, StatusCommand.self, QueryCommand.self,
            WorkerCommand.self, ViewserverCommand.self, RunConfigCommand.self,
            PluginHostCommand.self,
        ]
    )

    /// Creates the command (ArgumentParser needs this).
    package init() {}
}

/// The process entry: parses the command line and runs the chosen command.
package enum BearmonMain {
    /// Runs `bearmon` with the process's arguments and exits. `bearmon FILE`, gobearmon's
    /// way to start a node, becomes `bearmon run FILE`.
    package static func run() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let names = Set(BearmonCommand.configuration.subcommands.compactMap { $0.configuration.commandName })
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first), FileManager.default.fileExists(atPath: first) {
            arguments.insert("run", at: 0)
        }
        ArgvPasswords.scrub()
        // Before any thread starts: the allocator's settings are read without locks.
        _ = try? HeapTuning.returnLargeBlocks()
        await BearmonCommand.main(arguments)
    }
}
