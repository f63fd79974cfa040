import ArgumentParser
import BearmonCore
import BearmonManagement
import Foundation

/// `bearmon checks list`: id, name, type, interval, delay, status, enabled, data (secrets
/// masked), public flag and tags; with `--db`, a row that cannot run is shown as misconfigured,
/// with the reason.
struct ChecksListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List checks.")
    @Option(help: "Only the checks with this tag.") var tag: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let checks = try session.all { (page) throws(CatalogError) in try session.catalog.listChecks(page, tag: tag) }
        let listing = CheckListing(checks: checks, problems: try session.problems())
        print(json ? listing.json : listing.text)
    }
}

/// `bearmon checks show ID`.
struct ChecksShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one check, its alerts and its last result.")
    @Argument(help: "The check's id.") var id: Int64
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        let session = try options.open()
        let check = try managed { () throws(CatalogError) in try session.catalog.check(id) }
        let listing = CheckListing(checks: [check], problems: try session.problems())
        if json {
            print(listing.json)
            return
        }
        let alerts = try session.all { (page) throws(CatalogError) in try session.catalog.listAlerts(page) }.filter { $0.checkID == id }
        let last = try managed { () throws(CatalogError) in try session.catalog.results(check: id, PageRequest(limit: 1)) }.items.first
        print(listing.text)
        print("")
        print("alerts: " + (alerts.isEmpty ? "none" : alerts.map { "#\($0.id) contact \($0.contactID) on \($0.typeText)\($0.enabled ? "" : " (disabled)")" }.joined(separator: ", ")))
        if let last {
            print("last result: \(last.status.rawValue) from \(last.node) at \(CheckListing.timestamp(last.time)): \(last.message)")
        }
    }
}

/// How checks are shown by `checks list` and `checks show`.
struct CheckListing {
    let checks: [CheckResource]
    /// Why a check cannot run, by id (known only with `--db`).
    let problems: [Int64: String]

    /// The data as one line, secrets already masked by the catalog.
    private func data(_ check: CheckResource) -> String {
        if case .string(let text) = check.data { return text }
        return check.data.jsonText
    }

    var text: String {
        var table = TextTable("ID", "NAME", "TYPE", "INTERVAL", "DELAY", "STATUS", "ENABLED", "DATA", "PUBLIC", "TAGS")
        var notes: [String] = []
        for check in checks {
            let problem = problems[check.id]
            if let problem { notes.append("check \(check.id) is misconfigured: \(problem)") }
            notes += CheckOverlay.lines(check: check.id, maintenance: check.maintenance, silence: check.silence, unreachable: check.unreachable, flapping: check.flapping, acknowledged: check.acknowledged, held: check.held, time: Self.timestamp)
            if let nodes = check.nodes { notes.append("check \(check.id) runs only on: \(nodes.joined(separator: ", "))") }
            table.add(String(check.id), check.name, check.type, "\(check.interval)s", String(check.delay),
                      problem == nil ? (check.status ?? "NULL") : "misconfigured", check.enabled ? "yes" : "no", data(check),
                      check.public ? "yes" : "no", check.tags.joined(separator: ","))
        }
        return ([table.text] + notes).joined(separator: "\n")
    }

    var json: String {
        JSONValue.array(checks.map { check in
            var object: [String: JSONValue] = [
                "id": .int(check.id), "name": .string(check.name), "type": .string(check.type), "interval": .int(check.interval),
                "delay": .int(check.delay), "status": check.status.map(JSONValue.string) ?? .null, "enabled": .bool(check.enabled),
                "data": .string(data(check)), "public": .bool(check.public), "tags": .array(check.tags.map(JSONValue.string)),
            ]
            if let problem = problems[check.id] { object["problem"] = .string(problem) }
            // Overlays, worked out when shown, only when there are some (as the API shows them).
            if let maintenance = check.maintenance { object["maintenance"] = LocalCatalog.json(maintenance) }
            if let silence = check.silence { object["silence"] = LocalCatalog.json(silence) }
            if let held = check.held { object["held"] = .int(Int64(held)) }
            if let nodes = check.nodes { object["nodes"] = .array(nodes.map(JSONValue.string)) }
            return .object(object)
        }).jsonText
    }

    static func timestamp(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        return date.formatted(.iso8601)
    }
}

extension AlertResource {
    /// The type as listings show it.
    var typeText: String { type?.rawValue ?? "NULL (never notifies)" }
}
