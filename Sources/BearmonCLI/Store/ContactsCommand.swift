import BearmonManagement
import ArgumentParser
import BearmonCore

/// `bearmon contacts ...`.
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Add, list and remove contacts.",
        subcommands: [ContactsAddCommand.self, ContactsListCommand.self, ContactsRemoveCommand.self]
    )
}

/// `bearmon contacts add --type T --data D`.
struct ContactsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a contact; its data is validated against the type's parameters.")
    @Option(help: "The contact type, for example email, sms, voice, http or webhook.") var type: String
    @Option(help: "The contact's data: an address, a phone number, a URL, or a JSON object of the type's parameters.") var data: String
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let host = try options.plugins.makeHost(threads: 1)
        do {
            _ = try host.validate(try host.type(.contact, type), data: data, strict: true)
        } catch {
            throw CLIFailure(cause: error)
        }
        let store = try options.openStore()
        let id = try reportingStoreErrors { try store.addContact(type: type, data: data) }
        print("added contact \(id) (\(type))")
    }
}

/// `bearmon contacts list`.
struct ContactsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List contacts.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let host = try options.plugins.makeHost(threads: 1)
        let contacts = try options.openStore().contacts()
        let masker = DataMasker(host: host)
        if json {
            print(JSONValue.array(contacts.map {
                .object(["id": .int($0.id), "type": .string($0.type), "data": .string(masker.mask(kind: .contact, type: $0.type, data: $0.data))])
            }).jsonText)
            return
        }
        var table = TextTable("ID", "TYPE", "DATA")
        for contact in contacts { table.add(String(contact.id), contact.type, masker.mask(kind: .contact, type: contact.type, data: contact.data)) }
        print(table.text)
    }
}

/// `bearmon contacts rm ID`.
struct ContactsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a contact and the alerts that use it.")
    @Argument(help: "The contact's id.") var id: Int64
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let store = try options.openStore()
        try reportingStoreErrors { try store.removeContact(id) }
        print("removed contact \(id)")
    }
}
