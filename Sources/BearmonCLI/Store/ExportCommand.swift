import ArgumentParser
import BearmonManagement

/// `bearmon export`: prints the checks, contacts and alerts as the YAML `bearmon apply` reads.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the checks, contacts and alerts as YAML for `bearmon apply` (secrets masked).",
        discussion: "Applying the output to the same database changes nothing: a masked secret keeps the stored value."
    )

    @Flag(help: "Print secrets instead of ********; keep the output as secret as the database.") var withSecrets = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let host = try options.plugins.makeHost(threads: 1)
        let store = try options.openStore()
        do {
            print(try ConfigAsCode(store: store, host: host).export(withSecrets: withSecrets), terminator: "")
        } catch {
            throw CLIFailure(cause: error)
        }
    }
}
