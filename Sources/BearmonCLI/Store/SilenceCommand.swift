import ArgumentParser
import BearmonCore
import BearmonManagement

/// `bearmon silence ...`: ad hoc holds over a check or a tag that expire (README, "Silences").
/// Expired and removed silences are kept for history.
struct SilenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence",
        abstract: "Add, list and end silences.",
        subcommands: [SilenceAddCommand.self, SilenceListCommand.self, SilenceRemoveCommand.self]
    )
}

/// `bearmon silence add (--check ID | --tag TAG) --for 2h --comment "..."`.
struct SilenceAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Silence a check or a tag from now on, for at most 90 days.")
    @Option(help: "The check's id.") var check: Int64?
    @Option(help: "Every check with this tag.") var tag: String?
    @Option(name: .customLong("for"), help: "How long, such as 30m, 2h or 3d.") var duration: String?
    @Option(help: "Until when instead of --for, a time with an offset such as 2026-12-01T02:00:00+01:00.") var until: String?
    @Option(help: "Why, for people.") var comment: String?
    @OptionGroup var options: ManagementOptions

    func validate() throws {
        guard (check == nil) != (tag == nil) else { throw ValidationError("give one of --check ID and --tag TAG") }
        guard (duration == nil) != (until == nil) else { throw ValidationError("give one of --for DURATION and --until TIME: a silence always expires") }
    }

    func run() async throws {
        var body: [String: JSONValue] = [:]
        if let check { body["check_id"] = .int(check) }
        if let tag { body["tag"] = .string(tag) }
        if let duration { body["duration"] = .string(duration) }
        if let until { body["expires_at"] = .string(until) }
        if let comment { body["comment"] = .string(comment) }
        let session = try options.open()
        let added = try managed { () throws(CatalogError) in try session.catalog.createSilence(.object(body), creator: nil) }
        print("added silence \(added.id) (\(added.scopeLabel) until \(HoldFields.text(added.expiresAt)))")
    }
}

/// `bearmon silence list [--all]`.
struct SilenceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the silences in force; --all adds the expired and ended ones.")
    @Flag(help: "Also the expired and ended silences.") var all = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let active: Bool? = all ? nil : true
        let silences = try session.all { (page: PageRequest) throws(CatalogError) in try session.catalog.listSilences(page, active: active) }
        if json {
            print(String(decoding: try CatalogJSON.encoder.encode(silences), as: UTF8.self))
            return
        }
        var table = TextTable("ID", "SCOPE", "FROM", "UNTIL", "STATE", "BY", "COMMENT")
        for silence in silences {
            let state = silence.active ? "active" : silence.endedAt.map { "ended \(HoldFields.text($0))" } ?? "expired"
            table.add(String(silence.id), silence.scopeLabel, HoldFields.text(silence.startsAt), HoldFields.text(silence.expiresAt), state,
                      silence.createdBy, TextTable.oneLine(silence.comment))
        }
        print(table.text)
    }
}

/// `bearmon silence rm ID`.
struct SilenceRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "End a silence now; it is kept for history, and notifications it held are released within a second or so.")
    @Argument(help: "The silence's id.") var id: Int64
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        try managed { () throws(CatalogError) in try session.catalog.endSilence(id) }
        print("ended silence \(id)")
    }
}
