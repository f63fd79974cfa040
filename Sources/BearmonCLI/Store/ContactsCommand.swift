import ArgumentParser
import BearmonCore
import BearmonManagement

/// `bearmon contacts ...`.
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Add, list, edit and remove contacts.",
        subcommands: [ContactsAddCommand.self, ContactsListCommand.self, ContactsEditCommand.self, ContactsRemoveCommand.self, ContactsTestCommand.self]
    )
}

/// `bearmon contacts add --type T --data D [--name N]`.
struct ContactsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a contact; its data is validated against the type's parameters.")
    @Option(help: "The contact type, for example email, sms, voice, http or webhook.") var type: String
    @Option(help: "The contact's data: an address, a phone number, a URL, or a JSON object of the type's parameters.") var data: String
    @Option(help: "A unique name for the contact, such as ops (config as code refers to contacts by name).") var name: String?
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        var body: [String: JSONValue] = ["type": .string(type), "data": DataArgument.contact(data)]
        if let name { body["name"] = .string(name) }
        let session = try options.open()
        let added = try managed { () throws(CatalogError) in try session.catalog.createContact(.object(body)) }
        print("added contact \(added.id) (\(added.label))")
    }
}

/// `bearmon contacts list`.
struct ContactsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List contacts.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let contacts = try session.all { (page) throws(CatalogError) in try session.catalog.listContacts(page) }
        if json {
            print(JSONValue.array(contacts.map {
                .object(["id": .int($0.id), "type": .string($0.type), "data": .string($0.dataText), "name": $0.name.map(JSONValue.string) ?? .null])
            }).jsonText)
            return
        }
        var table = TextTable("ID", "TYPE", "DATA", "NAME")
        for contact in contacts { table.add(String(contact.id), contact.type, contact.dataText, contact.name ?? "") }
        print(table.text)
    }
}

/// `bearmon contacts edit ID`: changes a contact in place, so that the alerts that use it stay.
struct ContactsEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a contact's name, type or data; new data is validated against the type.")
    @Argument(help: "The contact's id.") var id: Int64
    @Option(help: "A new unique name.") var name: String?
    @Flag(name: .customLong("no-name"), help: "Remove the contact's name.") var noName = false
    @Option(help: "A new contact type; --data must then fit it.") var type: String?
    @Option(help: "New data, replacing the old whole; a ******** left from `contacts list` keeps the stored secret.") var data: String?
    @OptionGroup var options: ManagementOptions

    func validate() throws {
        if name == nil, !noName, type == nil, data == nil { throw ValidationError("nothing to change: give --name, --no-name, --type or --data") }
        if name != nil, noName { throw ValidationError("give --name or --no-name, not both") }
    }

    func run() async throws {
        let session = try options.open()
        var patch: [String: JSONValue] = [:]
        if let name { patch["name"] = .string(name) }
        if noName { patch["name"] = .null }
        if let type { patch["type"] = .string(type) }
        if let data {
            let current = try managed { () throws(CatalogError) in try session.catalog.contact(id) }
            patch["data"] = DataArgument.replacing(current.data, with: DataArgument.contact(data))
        }
        let changed = try managed { () throws(CatalogError) in try session.catalog.updateContact(id, patch: .object(patch)) }
        print("changed contact \(id) (\(changed.label))")
    }
}

/// `bearmon contacts rm ID`.
struct ContactsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a contact and the alerts that use it; it gets a removed notification for each check it last heard offline, unless --quiet.")
    @Argument(help: "The contact's id.") var id: Int64
    @OptionGroup var quiet: QuietOption
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        try managed { () throws(CatalogError) in try session.catalog.deleteContact(id, quiet: quiet.quiet) }
        print("removed contact \(id)")
    }
}

extension ContactResource {
    /// The data as one line, secrets already masked by the catalog.
    var dataText: String {
        if case .string(let text) = data { return text }
        return data.jsonText
    }

    /// How messages name it: its name and type, or its type alone.
    var label: String { name.map { "\($0), \(type)" } ?? type }
}
