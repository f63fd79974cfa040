import BearmonManagement
import ArgumentParser
import BearmonCore
import BearmonPlugins
import Foundation

/// `bearmon checks list`: id, name, type, interval, delay, status and enabled, secrets masked;
/// a row that cannot run is shown as misconfigured, with the reason.
struct ChecksListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List checks.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let host = try options.plugins.makeHost(threads: 1)
        let store = try options.openStore()
        let listing = CheckListing(host: host, rows: try store.checkRows())
        print(json ? listing.json : listing.text)
    }
}

/// `bearmon checks show ID`.
struct ChecksShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one check, its alerts and its last result.")
    @Argument(help: "The check's id.") var id: Int64
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let host = try options.plugins.makeHost(threads: 1)
        let store = try options.openStore()
        guard let row = try store.checkRow(id) else { throw CLIFailure("check \(id) does not exist") }
        let listing = CheckListing(host: host, rows: [row])
        let alerts = try store.alerts().filter { $0.checkID == id }
        let last = try store.latestResults()[id]
        if json {
            print(listing.json)
            return
        }
        print(listing.text)
        print("")
        print("alerts: " + (alerts.isEmpty ? "none" : alerts.map { "#\($0.id) contact \($0.contactID) on \($0.typeText)\($0.enabled ? "" : " (disabled)")" }.joined(separator: ", ")))
        if let last {
            print("last result: \(last.status.rawValue) from \(last.node) at \(CheckListing.timestamp(last.time)): \(last.message)")
        }
    }
}

/// How check rows are shown by `checks list` and `checks show`.
struct CheckListing {
    let host: PluginHost
    let rows: [CheckRow]

    private func problem(_ row: CheckRow) -> String? {
        if case .failure(let poison) = CheckCatalog(host: host).validate(row) { return poison.reason }
        return nil
    }

    private func data(_ row: CheckRow) -> String { DataMasker(host: host).mask(kind: .check, type: row.type, data: row.data) }

    var text: String {
        var table = TextTable("ID", "NAME", "TYPE", "INTERVAL", "DELAY", "STATUS", "ENABLED", "DATA")
        var notes: [String] = []
        for row in rows {
            let problem = self.problem(row)
            if let problem { notes.append("check \(row.id) is misconfigured: \(problem)") }
            table.add(String(row.id), row.name, row.type, "\(row.interval)s", String(row.delay),
                      problem == nil ? (row.status ?? "NULL") : "misconfigured", row.enabled ? "yes" : "no", data(row))
        }
        return ([table.text] + notes).joined(separator: "\n")
    }

    var json: String {
        JSONValue.array(rows.map { row in
            var object: [String: JSONValue] = [
                "id": .int(row.id), "name": .string(row.name), "type": .string(row.type), "interval": .int(row.interval),
                "delay": .int(row.delay), "status": row.status.map(JSONValue.string) ?? .null, "enabled": .bool(row.enabled),
                "data": .string(data(row)),
            ]
            if let problem = problem(row) { object["problem"] = .string(problem) }
            return .object(object)
        }).jsonText
    }

    static func timestamp(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        return date.formatted(.iso8601)
    }
}
