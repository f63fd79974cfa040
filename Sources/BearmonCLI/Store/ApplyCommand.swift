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
    @OptionGroup var quiet: QuietOption
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let label = file == "-" ? "<stdin>" : file
        // The file is read and parsed first, so that its mistakes show without a database or
        // node to reach; the catalog (the store's, or a node's with --api) parses it again.
        let bytes = try Self.read(file)
        do { _ = try CatalogDocument.parse(bytes, file: label) } catch let error as ConfigAsCodeError { throw CLIFailure(cause: error) }
        let session = try options.open()
        let request = ConfigApplyRequest(yaml: String(decoding: bytes, as: UTF8.self), file: label, prune: prune, dryRun: dryRun, quiet: quiet.quiet)
        let report: ConfigApplyReport
        do {
            report = try session.catalog.applyConfig(request)
        } catch where error.kind == .invalid {
            throw CLIFailure(cause: error)
        } catch {
            throw CLIFailure("nothing was changed", cause: error)
        }
        for line in report.lines { print(line) }
        guard report.changes else {
            print("nothing to change: the database matches \(file)" + (report.kept ? " (\(report.summary))" : ""))
            return
        }
        print(report.applied ? "applied: \(report.summary)" : "dry run: \(report.summary); nothing was changed")
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
