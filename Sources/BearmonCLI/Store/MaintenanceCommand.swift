import ArgumentParser
import BearmonCore
import BearmonManagement

/// `bearmon maintenance ...`: maintenance windows (README, "Maintenance windows"), in the
/// database (`--db`) or through a node's REST API (`--api`). During a window checks still run
/// and flips are recorded, but notifications are held; at its end each contact gets one
/// catch-up of the current state if what it last heard differs.
struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Add, list and remove maintenance windows.",
        subcommands: [MaintenanceAddCommand.self, MaintenanceListCommand.self, MaintenanceRemoveCommand.self]
    )
}

/// `bearmon maintenance add`.
struct MaintenanceAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a one-off or recurring maintenance window for a check, a tag or every check.",
        discussion: "One-off: --start and --end, times with an offset such as 2026-12-01T02:00:00+01:00. Recurring: --cron (five fields, such as \"0 2 * * 0\"), --duration (such as 2h) and --time-zone (an IANA zone, default UTC)."
    )
    @Option(help: "The check's id.") var check: Int64?
    @Option(help: "Every check with this tag.") var tag: String?
    @Flag(help: "Every check.") var all = false
    @Option(help: "When a one-off window starts, such as 2026-12-01T02:00:00+01:00.") var start: String?
    @Option(help: "When a one-off window ends.") var end: String?
    @Option(help: "When a recurring window opens: minute hour day-of-month month day-of-week, such as \"0 2 * * 0\".") var cron: String?
    @Option(help: "How long each recurring window lasts, such as 90m or 2h (1 minute to 31 days).") var duration: String?
    @Option(name: .customLong("time-zone"), help: "The IANA time zone the cron expression is read in, such as Europe/Berlin (default UTC).") var timeZone: String?
    @Option(help: "A unique name (config as code keys windows by it).") var name: String?
    @Option(help: "Why, for people.") var comment: String?
    @OptionGroup var options: ManagementOptions

    func validate() throws {
        let scopes = (check == nil ? 0 : 1) + (tag == nil ? 0 : 1) + (all ? 1 : 0)
        guard scopes == 1 else { throw ValidationError("give one of --check ID, --tag TAG and --all") }
        let oneOff = start != nil || end != nil, recurring = cron != nil || duration != nil || timeZone != nil
        guard oneOff != recurring else { throw ValidationError("give --start and --end for a one-off window, or --cron and --duration (and --time-zone) for a recurring one") }
        if oneOff, start == nil || end == nil { throw ValidationError("a one-off window needs both --start and --end") }
        if recurring, cron == nil || duration == nil { throw ValidationError("a recurring window needs both --cron and --duration") }
    }

    func run() async throws {
        var body: [String: JSONValue] = [:]
        if let check { body["check_id"] = .int(check) }
        if let tag { body["tag"] = .string(tag) }
        if all { body["all"] = .bool(true) }
        for (field, value) in [("start", start), ("end", end), ("cron", cron), ("duration", duration), ("time_zone", timeZone), ("name", name), ("comment", comment)] {
            if let value { body[field] = .string(value) }
        }
        let session = try options.open()
        let added = try managed { () throws(CatalogError) in try session.catalog.createMaintenance(.object(body), creator: nil) }
        print("added maintenance window \(added.id) (\(added.scopeLabel), \(added.whenText))")
    }
}

/// `bearmon maintenance list`.
struct MaintenanceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List maintenance windows: scope, timing, whether on now, who made them.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let windows = try session.all { (page: PageRequest) throws(CatalogError) in try session.catalog.listMaintenances(page) }
        if json {
            print(String(decoding: try CatalogJSON.encoder.encode(windows), as: UTF8.self))
            return
        }
        var table = TextTable("ID", "NAME", "SCOPE", "WHEN", "NOW", "BY", "COMMENT")
        for window in windows {
            let now = window.activeUntil.map { "on until \(HoldFields.text($0))" } ?? window.nextStart.map { "next \(HoldFields.text($0))" } ?? "over"
            table.add(String(window.id), window.name ?? "", window.scopeLabel, window.whenText, now, window.createdBy, TextTable.oneLine(window.comment))
        }
        print(table.text)
    }
}

/// `bearmon maintenance rm ID`.
struct MaintenanceRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a maintenance window; notifications it held are released within a second or so.")
    @Argument(help: "The window's id.") var id: Int64
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        try managed { () throws(CatalogError) in try session.catalog.deleteMaintenance(id) }
        print("removed maintenance window \(id)")
    }
}
