import ArgumentParser
import BearmonCore
import BearmonManagement

extension AlertType: ExpressibleByArgument {}

/// `bearmon alerts ...`.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Link checks to contacts, list, enable, disable and remove the links.",
        subcommands: [AlertsAddCommand.self, AlertsEditCommand.self, AlertsListCommand.self, AlertsEnableCommand.self, AlertsDisableCommand.self, AlertsRemoveCommand.self]
    )
}

/// `--after`, `--repeat` and `--fallback` (issue 23), shared by `alerts add` and `alerts edit`.
struct AlertReachOptions: ParsableArguments {
    @Option(help: "Tell this contact only if the check is still offline and unacknowledged this long after the flip, such as 5m.") var after: String?
    @Option(name: .customLong("repeat"), help: "While the check stays offline and unacknowledged, remind every DURATION, such as 2h.") var every: String?
    @Option(help: "The contact that stands in when delivery to this one fails (a contact id).") var fallback: Int64?

    /// The body fields they set.
    var fields: [String: JSONValue] {
        var body: [String: JSONValue] = [:]
        if let after { body["after"] = .string(after) }
        if let every { body["repeat"] = .string(every) }
        if let fallback { body["fallback_contact_id"] = .int(fallback) }
        return body
    }
}

/// `bearmon alerts add --check ID --contact ID [--type both|online|offline] [--after D] [--repeat D] [--fallback ID]`.
struct AlertsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Notify a contact when a check flips.")
    @Option(help: "The check's id.") var check: Int64
    @Option(help: "The contact's id.") var contact: Int64
    @Option(help: "When to notify: both, online or offline.") var type: AlertType = .both
    @OptionGroup var reach: AlertReachOptions
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let fields: [String: JSONValue] = ["check_id": .int(check), "contact_id": .int(contact), "type": .string(type.rawValue), "enabled": .bool(true)]
        let body: JSONValue = .object(fields.merging(reach.fields) { $1 })
        let added = try managed { () throws(CatalogError) in try session.catalog.createAlert(body) }
        print("added alert \(added.id): check \(added.checkID) -> contact \(added.contactID) on \(added.typeText)")
    }
}

/// `bearmon alerts edit ID [--after D] [--repeat D] [--fallback ID] [--clear-reach]`.
struct AlertsEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change when an alert escalates, how often it reminds, and its fallback contact.")
    @Argument(help: "The alert's id.") var id: Int64
    @OptionGroup var reach: AlertReachOptions
    @Flag(help: "Remove --after, --repeat and --fallback first: the alert tells at once, once, with no fallback.") var clearReach = false
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        var patch: [String: JSONValue] = clearReach ? ["after": .null, "repeat": .null, "fallback_contact_id": .null] : [:]
        patch.merge(reach.fields) { $1 }
        guard !patch.isEmpty else { throw ValidationError("give --after, --repeat, --fallback or --clear-reach") }
        let session = try options.open()
        let edited = try managed { () throws(CatalogError) in try session.catalog.updateAlert(id, patch: .object(patch)) }
        print("edited alert \(edited.id): \(edited.reachText)")
    }
}

extension AlertResource {
    /// "after 5m, repeat 2h, fallback contact 3", or "at once".
    var reachText: String {
        let parts = [after.map { "after \($0)" }, self.repeat.map { "repeat \($0)" }, fallbackContactID.map { "fallback contact \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "at once" : parts.joined(separator: ", ")
    }
}

/// `bearmon alerts list`.
struct AlertsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List alerts.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let alerts = try session.all { (page) throws(CatalogError) in try session.catalog.listAlerts(page) }
        if json {
            print(JSONValue.array(alerts.map {
                .object(["id": .int($0.id), "check_id": .int($0.checkID), "contact_id": .int($0.contactID), "type": $0.type.map { .string($0.rawValue) } ?? .null, "enabled": .bool($0.enabled),
                         "after": $0.after.map { .string($0) } ?? .null, "repeat": $0.repeat.map { .string($0) } ?? .null,
                         "fallback_contact_id": $0.fallbackContactID.map { .int($0) } ?? .null])
            }).jsonText)
            return
        }
        var table = TextTable("ID", "CHECK", "CONTACT", "TYPE", "ENABLED", "REACH")
        for alert in alerts { table.add(String(alert.id), String(alert.checkID), String(alert.contactID), alert.typeText, alert.enabled ? "yes" : "no", alert.reachText) }
        print(table.text)
    }
}

/// `bearmon alerts rm ID`.
struct AlertsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove an alert; its contact gets a removed notification if it last heard the check offline, unless --quiet.")
    @Argument(help: "The alert's id.") var id: Int64
    @OptionGroup var quiet: QuietOption
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        try managed { () throws(CatalogError) in try session.catalog.deleteAlert(id, quiet: quiet.quiet) }
        print("removed alert \(id)")
    }
}
