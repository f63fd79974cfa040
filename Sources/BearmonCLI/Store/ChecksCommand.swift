import ArgumentParser
import BearmonCore
import BearmonPlugins
import BearmonStore

/// `bearmon checks ...`: manage checks without writing SQL.
struct ChecksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "Add, list, show, edit, enable, disable and remove checks.",
        subcommands: [ChecksAddCommand.self, ChecksListCommand.self, ChecksShowCommand.self, ChecksEditCommand.self,
                      ChecksEnableCommand.self, ChecksDisableCommand.self, ChecksRemoveCommand.self]
    )
}

/// `bearmon checks add`.
struct ChecksAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a check; its data is validated against the type's parameters.")

    @Option(help: "A name for the check (at most 64 characters).") var name: String
    @Option(help: "The check type, for example http or tcp (see `bearmon plugins`).") var type: String
    @Option(help: "The check's JSON data, for example '{\"address\":\"127.0.0.1:22\"}'.") var data: String
    @Option(help: "Seconds between runs.") var interval: Int64 = 60
    @Option(help: "Extra rounds a new state must hold before the check flips.") var delay: Int64 = 1
    @Flag(help: "Add it disabled.") var disabled = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let host = try options.plugins.makeHost(threads: 1)
        try requireValidCheckData(host: host, type: type, data: data)
        let store = try options.openStore()
        let id = try reportingStoreErrors {
            try store.addCheck(NewCheck(name: name, type: type, data: data, interval: interval, delay: delay, enabled: !disabled))
        }
        print("added check \(id) (\(name))")
    }
}

/// `bearmon checks enable ID`.
struct ChecksEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a check.")
    @Argument(help: "The check's id.") var id: Int64
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let store = try options.openStore()
        try reportingStoreErrors { try store.setCheckEnabled(id, true) }
        print("enabled check \(id)")
    }
}

/// `bearmon checks disable ID`.
struct ChecksDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a check.")
    @Argument(help: "The check's id.") var id: Int64
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let store = try options.openStore()
        try reportingStoreErrors { try store.setCheckEnabled(id, false) }
        print("disabled check \(id)")
    }
}

/// `bearmon checks rm ID`.
struct ChecksRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a check and its alerts.")
    @Argument(help: "The check's id.") var id: Int64
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let store = try options.openStore()
        try reportingStoreErrors { try store.removeCheck(id) }
        print("removed check \(id)")
    }
}

/// Refuses `data` that `type`'s declared parameters do not accept (strictly: unknown keys too),
/// with the plugin's message, which names the field.
func requireValidCheckData(host: PluginHost, type: String, data: String) throws {
    do {
        _ = try host.validate(host.type(.check, type), data: data, strict: true)
    } catch {
        throw CLIFailure(cause: error)
    }
}

/// Runs a store call and turns a ``StoreError`` into a one-line failure with exit status 1.
func reportingStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CLIFailure(cause: error)
    }
}
