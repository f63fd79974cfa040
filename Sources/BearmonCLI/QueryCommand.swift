import ArgumentParser
import BearmonCore
import BearmonMonitor
import Foundation

/// `bearmon query healthchecks|services|status|stats`: asks a node's monitor-srv API and
/// prints the answer as indented JSON, as `micro query go.micro.srv.monitor ...` does.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Query the pushed healthchecks, services, status or stats of a running node (the counterpart of `micro query`).",
        discussion: "Any node with a store answers: a standalone node or any worker. Exits 1 with the node's reason when it refuses, for example an unknown --id (404)."
    )

    /// What to ask for.
    enum Target: String, CaseIterable, ExpressibleByArgument {
        case healthchecks, services, status, stats
    }

    @Argument(help: "healthchecks, services, status or stats.") var target: Target
    @Option(help: "Only this service's entries.") var service: String?
    @Option(help: "Only this id: a healthcheck's id, or a node's id for status and stats.") var id: String?
    @Option(help: "Only healthchecks with this status (1 OK, 2 ERROR; 0 any).") var status: Int64 = 0
    @Option(help: "At most this many entries (monitor-srv's default: 10).") var limit = 10
    @Option(help: "Skip this many entries first.") var offset = 0
    @Flag(help: "Status per node instead of per service.") var verbose = false
    @Option(help: "The node's HTTP address.") var addr = "127.0.0.1:8888"

    func validate() throws {
        guard status >= 0, limit >= 0, offset >= 0 else { throw ValidationError("--status, --limit and --offset must be 0 or more") }
    }

    func run() async throws {
        var query = MonitorQuery()
        query.service = service
        query.id = id
        query.status = status
        query.limit = limit
        query.offset = offset
        query.verbose = verbose
        let (code, body) = try await NodeHTTP.get(addr, "/v1/\(target.rawValue)", query: query.parameters)
        let answer = try? JSONDecoder().decode(JSONValue.self, from: body)
        guard code == 200, let answer else {
            throw CLIFailure("the node at \(addr) answered \(code): \(NodeHTTP.refusal(in: body))")
        }
        print(String(decoding: try MonitorJSON.prettyEncoder.encode(answer), as: UTF8.self))
    }
}
