import ArgumentParser
import BearmonCore
import BearmonManagement

extension AlertType: ExpressibleByArgument {}

/// `bearmon alerts ...`.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Link checks to contacts, list, enable, disable and remove the links.",
        subcommands: [AlertsAddCommand.self, AlertsListCommand.self, AlertsEnableCommand.self, AlertsDisableCommand.self, AlertsRemoveCommand.self]
    )
}

/// `bearmon alerts add --check ID --contact ID [--type both|online|offline]`.
struct AlertsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Notify a contact when a check flips.")
    @Option(help: "The check's id.") var check: Int64
    @Option(help: "The contact's id.") var contact: Int64
    @Option(help: "When to notify: both, online or offline.") var type: AlertType = .both
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let body: JSONValue = .object(["check_id": .int(check), "contact_id": .int(contact), "type": .string(type.rawValue), "enabled": .bool(true)])
        let added = try managed { () throws(CatalogError) in try session.catalog.createAlert(body) }
        print("added alert \(added.id): check \(added.checkID) -> contact \(added.contactID) on \(added.typeText)")
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
                .object(["id": .int($0.id), "check_id": .int($0.checkID), "contact_id": .int($0.contactID), "type": $0.type.map { .string($0.rawValue) } ?? .null, "enabled": .bool($0.enabled)])
            }).jsonText)
            return
        }
        var table = TextTable("ID", "CHECK", "CONTACT", "TYPE", "ENABLED")
        for alert in alerts { table.add(String(alert.id), String(alert.checkID), String(alert.contactID), alert.typeText, alert.enabled ? "yes" : "no") }
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
