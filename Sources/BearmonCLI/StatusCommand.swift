import ArgumentParser
import BearmonConfig
import BearmonCore
import BearmonPlugins
import BearmonStore
import BearmonWire
import Foundation

/// `bearmon status`: each check's status, last result, node, time and turn state, and the
/// notifications not yet delivered — from a running node, or from the database.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show every check's state and undelivered notifications.",
        discussion: "With --addr, asks the running node (live turn state). Otherwise reads the database given by --db or --config (no turn state: that lives in the running controller)."
    )

    @Option(help: "A running node's HTTP address, for example 127.0.0.1:8888.") var addr: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let report: StatusReport
        if let addr {
            report = try await fetch(addr)
        } else if options.db == nil, let cluster = try clusterNode() {
            report = try await ClusterStatus(node: cluster).fetch()
        } else {
            report = try fromDatabase()
        }
        if json {
            print(String(decoding: try WireJSON.encoder.encode(report), as: UTF8.self))
        } else {
            print(StatusText(report: report).text)
        }
    }

    /// The cluster node described by --config, if it describes one.
    private func clusterNode() throws -> NodeConfig? {
        guard options.plugins.config != nil else { return nil }
        let config = try options.plugins.loadConfig()
        guard NodeConfig.describesNode(config) else { return nil }
        do { return try NodeConfig(config) } catch { throw CLIFailure(cause: error) }
    }

    private func fetch(_ address: String) async throws -> StatusReport {
        let (status, body) = try await NodeHTTP.get(address, "/v1/checks")
        guard status == 200 else { throw CLIFailure("the node at \(address) answered \(status) to GET /v1/checks: \(NodeHTTP.refusal(in: body))") }
        do { return try WireJSON.decoder.decode(StatusReport.self, from: body) } catch { throw CLIFailure("the node at \(address) sent a status report that cannot be read", cause: error) }
    }

    private func fromDatabase() throws -> StatusReport {
        let host = try options.plugins.makeHost(threads: 1)
        let store = try options.openStore()
        let catalog = CheckCatalog(host: host)
        let latest = try store.latestResults()
        let rows = try store.checkRows()
        let overlays = try store.checkOverlays(rows.map(\.id), now: wallMilliseconds())
        let checks = rows.map { row -> StatusReport.Check in
            let problem: String? = if case .failure(let poison) = catalog.validate(row) { poison.reason } else { nil }
            var check = StatusReport.Check(id: row.id, name: row.name, type: row.type, status: row.status ?? "unknown", enabled: row.enabled,
                                           interval: row.interval, delay: row.delay, misconfigured: problem,
                                           lastResult: latest[row.id].map(StatusReport.Result.init), turnCount: nil, turnSet: nil, lockedBy: nil)
            check.show(overlays.overlays[row.id], held: overlays.held[row.id])
            return check
        }
        let view = try store.view()
        return StatusReport(source: "database", controller: nil, view: .init(number: view.number, holder: view.holder),
                            confirmations: nil, workers: [], checks: checks, counts: StatusReport.count(checks),
                            undelivered: try store.undeliveredOutbox(failedSince: wallMilliseconds() - StatusReport.failureWindow.inMilliseconds)
                                .map(StatusReport.Notification.init))
    }
}
