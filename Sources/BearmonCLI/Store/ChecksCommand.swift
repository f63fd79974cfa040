import ArgumentParser
import BearmonCore
import BearmonManagement

/// `bearmon checks ...`: manage checks without writing SQL, in the database (`--db`) or
/// through a node's REST API (`--api`).
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
    @Option(name: .customLong("tag"), help: "A tag, such as db or eu; repeat for more.") var tags: [String] = []
    @Flag(name: .customLong("public"), inversion: .prefixedNo, help: "Whether the public status page shows it.") var isPublic = false
    @Option(help: "Pin it to these nodes, comma-separated (w1,w2): only they run it.") var nodes: String?
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        var body: JSONValue = .object([
            "name": .string(name), "type": .string(type), "data": try DataArgument.check(data), "interval": .int(interval),
            "delay": .int(delay), "enabled": .bool(!disabled), "tags": .array(tags.map(JSONValue.string)), "public": .bool(isPublic),
        ])
        if let nodes, case .object(var fields) = body {
            fields["nodes"] = NodeList.json(nodes)
            body = .object(fields)
        }
        let session = try options.open()
        let added = try managed { () throws(CatalogError) in try session.catalog.createCheck(body) }
        print("added check \(added.id) (\(added.name))")
    }
}

/// `bearmon checks enable ID`.
struct ChecksEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a check.")
    @Argument(help: "The check's id.") var id: Int64
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        try setCheckEnabled(id, true, quiet: false, options: options)
        print("enabled check \(id)")
    }
}

/// `bearmon checks disable ID`.
struct ChecksDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a check; contacts that last heard it offline get a removed notification unless --quiet.")
    @Argument(help: "The check's id.") var id: Int64
    @OptionGroup var quiet: QuietOption
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        try setCheckEnabled(id, false, quiet: quiet.quiet, options: options)
        print("disabled check \(id)")
    }
}

/// Enables or disables check `id`.
private func setCheckEnabled(_ id: Int64, _ enabled: Bool, quiet: Bool, options: ManagementOptions) throws {
    let session = try options.open()
    _ = try managed { () throws(CatalogError) in try session.catalog.updateCheck(id, patch: .object(["enabled": .bool(enabled)]), quiet: quiet) }
}

/// `bearmon checks rm ID`.
struct ChecksRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a check and its alerts; contacts that last heard it offline get a removed notification unless --quiet.")
    @Argument(help: "The check's id.") var id: Int64
    @OptionGroup var quiet: QuietOption
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        try managed { () throws(CatalogError) in try session.catalog.deleteCheck(id, quiet: quiet.quiet) }
        print("removed check \(id)")
    }
}
