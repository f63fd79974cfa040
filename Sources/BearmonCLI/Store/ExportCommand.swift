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
    @OptionGroup var options: ManagementOptions

    func validate() throws {
        if withSecrets, options.api != nil {
            throw ValidationError("--with-secrets works only with --db: secrets never leave a node through its API")
        }
    }

    func run() async throws {
        let session = try options.open()
        if withSecrets, let local = session.local {
            do {
                print(try ConfigAsCode(store: local.store, host: local.host).export(withSecrets: true), terminator: "")
            } catch {
                throw CLIFailure(cause: error)
            }
            return
        }
        print(try managed { () throws(CatalogError) in try session.catalog.exportConfig() }.yaml, terminator: "")
    }
}
