import ArgumentParser
import BearmonManagement
import Foundation

/// `bearmon apply -f FILE`: makes the database's checks, contacts and alerts match a YAML file,
/// printing what it adds, changes and deletes, in one transaction (all of it or none).
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the checks, contacts and alerts match a YAML file (config as code; see README).",
        discussion: "Prints the plan, then applies it in one transaction. Rows the file lost are kept unless --prune is given. A value left as the mask ******** (as `bearmon export` shows secrets) keeps the stored value."
    )

    @Option(name: [.customShort("f"), .long], help: "The YAML file, or - for standard input.") var file: String
    @Flag(help: "Print the plan and change nothing.") var dryRun = false
    @Flag(help: "Delete checks, contacts and alerts that are not in the file.") var prune = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let label = file == "-" ? "<stdin>" : file
        // The file is read first, so that its mistakes show without a database to reach.
        let document: CatalogDocument
        do { document = try CatalogDocument.parse(try Self.read(file), file: label) } catch let error as ConfigAsCodeError { throw CLIFailure(cause: error) }
        let host = try options.plugins.makeHost(threads: 1)
        let store = try options.openStore()
        let catalog = ConfigAsCode(store: store, host: host)
        let plan: CatalogPlan
        do {
            plan = try catalog.plan(document, file: label, prune: prune)
        } catch {
            throw CLIFailure(cause: error)
        }
        for line in plan.lines { print(line) }
        guard !plan.isEmpty else {
            print("nothing to change: the database matches \(file)" + (plan.count(.keep) > 0 ? " (\(plan.summary))" : ""))
            return
        }
        if dryRun {
            print("dry run: \(plan.summary); nothing was changed")
            return
        }
        do {
            try catalog.apply(plan)
        } catch {
            throw CLIFailure("nothing was changed", cause: error)
        }
        print("applied: \(plan.summary)")
    }

    /// The file's bytes, at most one more than ``CatalogDocument/maxFileBytes`` (the parser refuses more).
    static func read(_ path: String) throws -> [UInt8] {
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle else { throw CLIFailure("\(path): cannot open the file; check the path and its permissions") }
        do {
            return Array(try handle.read(upToCount: CatalogDocument.maxFileBytes + 1) ?? Data())
        } catch {
            throw CLIFailure("\(path): cannot read the file", cause: error)
        }
    }
}
