import ArgumentParser
import BearmonCore
import BearmonPlugins

/// `bearmon checks edit ID`: changes a check in place, so that its status, history and alerts
/// survive, which `rm` plus `add` would lose. A running controller picks the edit up at its
/// next catalog reload, within seconds.
struct ChecksEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a check's name, type, data, interval or delay; new data is validated against the type."
    )

    @Argument(help: "The check's id.") var id: Int64
    @Option(help: "A new name (at most 64 characters).") var name: String?
    @Option(help: "A new check type; --data must then fit it.") var type: String?
    @Option(help: "New JSON data, replacing the old whole. A value left as the mask ******** (as `checks list` shows secrets) keeps the stored value; so do ******** parts of a URL.") var data: String?
    @Option(help: "Seconds between runs.") var interval: Int64?
    @Option(help: "Extra rounds a new state must hold before the check flips.") var delay: Int64?
    @OptionGroup var options: StoreOptions

    func validate() throws {
        if [name, type, data].allSatisfy({ $0 == nil }), interval == nil, delay == nil {
            throw ValidationError("nothing to change: give --name, --type, --data, --interval or --delay")
        }
    }

    func run() async throws {
        let host = try options.plugins.makeHost(threads: 1)
        let store = try options.openStore()
        guard let row = try store.checkRow(id) else { throw CLIFailure("check \(id) does not exist; `bearmon checks list` shows the ids") }
        // Data copied from `checks list` holds masks where secrets were: they mean "unchanged".
        let restored: String? = try data.map { edited throws in
            do { return try MaskedEdit.restore(edited, from: row.data) } catch { throw CLIFailure("check \(id)", cause: error) }
        }
        let edited = NewCheck(name: name ?? row.name, type: type ?? row.type, data: restored ?? row.data,
                              interval: interval ?? row.interval, delay: delay ?? row.delay, enabled: row.enabled)
        if type != nil || data != nil { try requireValidCheckData(host: host, type: edited.type, data: edited.data) }
        try reportingStoreErrors { try store.updateCheck(id, with: edited) }
        print("changed check \(id) (\(edited.name))")
    }
}
