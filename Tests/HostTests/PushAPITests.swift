import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// monitor-srv's API on a real `bearmon standalone` process: pushes, queries, reaping,
/// self-monitoring, refusals, and `bearmon query`.
@Suite("passive monitoring API")
struct PushAPITests {
    let dir: TempDirectory
    let db: String

    init() throws {
        dir = try TempDirectory("bearmon-push")
        db = dir.file("push.sqlite")
    }

    /// Starts a standalone node with `[push]` settings `push`.
    private func start(push: String = "") throws -> NodeProcess {
        let config = try dir.write("push.cfg", "[push]\n" + push + "\n")
        return try NodeProcess(["standalone", "--db", "sqlite:\(db)", "--config", config, "--node", "n1"], log: dir.file("node.log"))
    }

    private func same(_ entry: [String: Any]?, _ message: String) -> Bool {
        NSDictionary(dictionary: entry ?? [:]).isEqual(to: MonitorMessages.object(message))
    }

    @Test("monitor-srv README's two healthchecks come back field for field, by id, by service and by status, windowed")
    func readmeHealthChecks() async throws {
        let node = try await offPool { try start() }
        let query = "/v1/healthchecks?"
        let answers = try await offPool {
            let pushed = [try node.post("/v1/healthchecks", MonitorMessages.ping), try node.post("/v1/healthchecks", MonitorMessages.pong)]
            let queries = try ["id=go.micro.healthcheck.ping", "id=go.micro.healthcheck.pong", "service=go-server", "service=go-server&status=1",
                               "service=go-server&status=2", "service=go-server&limit=1", "service=go-server&limit=1&offset=1",
                               "service=go-server&offset=2", "service=go-server&status=0&limit=5", "id=go.micro.healthcheck.nope"].map { try node.json(query + $0) }
            // The same node pushing the same id again replaces its entry.
            let again = try node.post("/v1/healthchecks", MonitorMessages.ping.replacingOccurrences(of: "\"status\": 1", with: "\"status\": 2"))
            return pushed + queries + [again, try node.json(query + "id=go.micro.healthcheck.ping")]
        }
        let ping = "go.micro.healthcheck.ping", pong = "go.micro.healthcheck.pong"
        #expect(answers[0].code == 200 && answers[1].code == 200)
        let byID = answers[2].entries("healthChecks")
        #expect(byID.count == 1 && same(byID.first, MonitorMessages.ping), "\(byID)")
        #expect(same(answers[3].entries("healthChecks").first, MonitorMessages.pong), "\(answers[3].object)")
        #expect(answers[4].entries("healthChecks").ids == [ping, pong])
        #expect(answers[5].entries("healthChecks").ids == [ping])
        #expect(answers[6].entries("healthChecks").ids == [pong])
        #expect(answers[7].entries("healthChecks").ids == [ping])
        #expect(answers[8].entries("healthChecks").ids == [pong])
        #expect(answers[9].entries("healthChecks").ids == [])
        #expect(answers[10].entries("healthChecks").ids == [ping, pong])
        #expect(answers[11].code == 404 && answers[11].error == "no healthcheck with id 'go.micro.healthcheck.nope'")
        let replaced = answers[13].entries("healthChecks")
        #expect(answers[12].code == 200 && replaced.count == 1 && replaced.first?["status"] as? Int == 2)

        let printed = try await Command.bearmon(["query", "healthchecks", "--id", pong, "--addr", node.address])
        #expect(printed.status == 0, "\(printed.stderr)")
        let answer = MonitorMessages.object(printed.stdout)["healthChecks"] as? [[String: Any]] ?? []
        #expect(same(answer.first, MonitorMessages.pong), "\(printed.stdout)")
        #expect(printed.stdout.contains("\n  \"healthChecks\" : ["))
        let missing = try await Command.bearmon(["query", "healthchecks", "--id", "nope", "--addr", node.address])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("answered 404: no healthcheck with id 'nope'"), "\(missing.stderr)")
        // Both are ERROR now that ping was pushed again.
        let limited = try await Command.bearmon(["query", "healthchecks", "--service", "go-server", "--status", "2", "--limit", "1", "--offset", "1", "--addr", node.address])
        #expect((MonitorMessages.object(limited.stdout)["healthChecks"] as? [[String: Any]])?.ids == [pong], "\(limited.stdout)")
        try await node.kill()
    }

    @Test("Status and Stats in the newer shape: services group nodes; status per service, or per node with verbose")
    func statusAndStats() async throws {
        let node = try await offPool { try start() }
        let greeter = "go.micro.srv.greeter"
        let answers = try await offPool {
            let pushes = [
                try node.post("/v1/status", MonitorMessages.status(node: "g1", status: 2, info: "serving")),
                try node.post("/v1/status", MonitorMessages.status(node: "g2", status: 1, info: "warming up")),
                try node.post("/v1/status", MonitorMessages.status(node: "g3", version: "1.1.0", status: 2)),
                try node.post("/v1/stats", MonitorMessages.stats(node: "g1")),
                try node.post("/v1/stats", MonitorMessages.stats(node: "g2")),
            ]
            let queries = try ["services?service=\(greeter)", "status?service=\(greeter)", "status?service=\(greeter)&verbose=true",
                               "status?id=g3", "status?id=g9", "stats?service=\(greeter)", "stats?id=g2", "stats?service=\(greeter)&limit=1&offset=1",
                               "services"].map { try node.json("/v1/" + $0) }
            return pushes + queries
        }
        #expect(answers[0..<5].map(\.code) == [200, 200, 200, 200, 200])
        let services = answers[5].entries("services")
        #expect(services.map { $0["version"] as? String } == ["1.0.0", "1.1.0"])
        #expect(services.map { ($0["nodes"] as? [[String: Any]] ?? []).ids } == [["g1", "g2"], ["g3"]])
        // Without verbose: one entry per name and version, nodes merged.
        let status = answers[6].entries("status")
        #expect(status.nodeIDs == [["g1", "g2"], ["g3"]])
        #expect([1, 2].contains(status.first?["status"] as? Int ?? 0))
        // With verbose: per node, as pushed.
        let verbose = answers[7].entries("status")
        #expect(verbose.nodeIDs == [["g1"], ["g2"], ["g3"]])
        #expect(verbose.map { $0["status"] as? Int } == [2, 1, 2])
        #expect(verbose.map { $0["info"] as? String } == ["serving", "warming up", "serving"])
        #expect(answers[8].entries("status").nodeIDs == [["g3"]])
        #expect(answers[9].code == 404)
        let stats = answers[10].entries("stats")
        #expect(stats.nodeIDs == [["g1"], ["g2"]])
        let endpoint = (stats.first?["endpoints"] as? [[String: Any]])?.first
        #expect((endpoint?["success"] as? [String: Any])?["stdDev"] as? Double == 0.25)
        #expect((stats.first?["cpu"] as? [String: Any])?["userTime"] as? Int == 120)
        #expect(answers[11].entries("stats").nodeIDs == [["g2"]])
        #expect(answers[12].entries("stats").nodeIDs == [["g2"]])
        // Every service heard from, this node's own (bearmon) among them.
        #expect(answers[13].entries("services").compactMap { $0["name"] as? String } == ["bearmon", greeter, greeter])
        let printed = try await Command.bearmon(["query", "status", "--service", greeter, "--verbose", "--addr", node.address])
        #expect((MonitorMessages.object(printed.stdout)["status"] as? [[String: Any]])?.count == 3, "\(printed.stderr)")
        try await node.kill()
    }

    @Test("the reaper marks a status UNKNOWN past its interval and deletes entries past interval and ttl")
    func reaping() async throws {
        let node = try await offPool { try start(push: "reap = 200ms") }
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        let (pushes, marked, shown, expired, after) = try await offPool {
            func stored(_ table: String) -> [SQLRow] {
                (try? store.database.query("SELECT status, info FROM \(table) WHERE node_id = 'short'")) ?? []
            }
            let pushes = [
                try node.post("/v1/status", MonitorMessages.status(node: "short", status: 2, interval: 1, ttl: 3)).code,
                try node.post("/v1/healthchecks", MonitorMessages.healthCheck("short.lived", node: "short", interval: 1, ttl: 2)).code,
            ]
            // Read straight from the store: the reaper, not the query, marked it.
            let marked = waitUntil(timeout: 10) { stored("push_status").first.map { $0.int(0) == 0 && $0.string(1).hasPrefix("Last update ") } ?? false }
            let shown = try node.json("/v1/status?id=short")
            let expired = waitUntil(timeout: 15) { stored("push_status").isEmpty && stored("push_healthchecks").isEmpty }
            return (pushes, marked, shown, expired, try node.json("/v1/healthchecks?id=short.lived").code)
        }
        #expect(pushes == [200, 200])
        #expect(marked, "\(node.process.log)")
        let status = shown.entries("status").first
        #expect(status?["status"] as? Int == 0)
        #expect((status?["info"] as? String)?.range(of: #"^Last update \d+s ago$"#, options: .regularExpression) != nil, "\(shown.object)")
        #expect(expired)
        #expect(after == 404)
        try await node.kill()
    }

    @Test("the node's own healthchecks appear in the query, as service bearmon")
    func selfMonitoring() async throws {
        let node = try await offPool { try start() }
        let answer = try await offPool {
            var answer = try node.json("/v1/healthchecks?service=bearmon&limit=50")
            _ = waitUntil(timeout: 20) {
                answer = (try? node.json("/v1/healthchecks?service=bearmon&limit=50")) ?? answer
                return answer.entries("healthChecks").count >= 5
            }
            return answer
        }
        let own = answer.entries("healthChecks")
        #expect(own.ids == [SelfMonitor.Name.alerting, SelfMonitor.Name.controller, SelfMonitor.Name.alive, SelfMonitor.Name.plugins, SelfMonitor.Name.store])
        #expect(own.allSatisfy { $0["status"] as? Int == 1 }, "\(own)")
        #expect(own.nodeIDs.allSatisfy { $0 == ["n1"] })
        #expect((own.first?["service"] as? [String: Any])?["version"] as? String == BearmonVersion.current)
        #expect((own.first { $0["id"] as? String == SelfMonitor.Name.controller }?["results"] as? [String: String])?["view"] != nil)
        #expect((own.first?["results"] as? [String: String])?["oldestUnwrittenFlip"] == "none")
        try await node.kill()
    }

    @Test("bad input: 401 without the token, 413 over maxBody, 400 with the reason for the rest")
    func badInput() async throws {
        let node = try await offPool { try start(push: "token = push-secret\nmaxBody = 4096") }
        let bearer = ["Authorization": "Bearer push-secret"]
        let valid = MonitorMessages.healthCheck("app.ok", node: "a1")
        let results = (0..<300).map { "\"k\($0)\":\"v\"" }.joined(separator: ",")
        let (unauthorized, accepted, refusals, queries, openQuery) = try await offPool {
            let unauthorized = [
                try node.post("/v1/healthchecks", valid),
                try node.post("/v1/status", MonitorMessages.status(node: "a1"), headers: ["Authorization": "Bearer wrong"]),
                try node.post("/v1/stats", MonitorMessages.stats(node: "a1"), headers: ["Authorization": "push-secret"]),
            ]
            let accepted = try node.post("/v1/healthchecks", valid, headers: bearer)
            let refusals = try [
                String(repeating: " ", count: 5_000) + valid,
                "{\"id\": ",
                #"{"service":{"nodes":[{"id":"a1"}]},"status":1}"#,
                #"{"id":"x","status":1}"#,
                #"{"id":"x","service":{"id":"a1"},"extra":\#(String(repeating: "[", count: 40) + String(repeating: "]", count: 40))}"#,
                #"{"id":"x","service":{"id":"a1"},"results":{\#(results)}}"#,
            ].map { try node.post("/v1/healthchecks", $0, headers: bearer) }
            let queries = try ["/v1/healthchecks?limit=ten", "/v1/stats?offset=x", "/v1/healthchecks?status=ok", "/v1/status?verbose=perhaps"].map { try node.json($0) }
            return (unauthorized, accepted, refusals, queries, try node.json("/v1/healthchecks?id=app.ok"))
        }
        #expect(unauthorized.map(\.code) == [401, 401, 401])
        #expect(accepted.code == 200)
        #expect(refusals.map(\.code) == [413, 400, 400, 400, 400, 400])
        #expect(refusals[0].error == "request body larger than 4096 bytes ([push] maxBody)")
        #expect(refusals[1].error.hasPrefix("invalid JSON"))
        #expect(refusals[2].error.hasPrefix("id is required"))
        #expect(refusals[3].error.hasPrefix("the node's id is required"))
        #expect(refusals[4].error == "the body nests deeper than 32 levels of objects and arrays")
        #expect(refusals[5].error == "results has 300 entries; at most 256 are accepted")
        #expect(queries.map(\.code) == [400, 400, 400, 400])
        #expect(queries.map(\.error) == ["limit must be a whole number of 0 or more, got 'ten'", "offset must be a whole number of 0 or more, got 'x'",
                                         "status must be a whole number of 0 or more, got 'ok'", "verbose must be true or false, got 'perhaps'"])
        // The token guards pushes; queries stay open.
        #expect(openQuery.code == 200 && openQuery.entries("healthChecks").ids == ["app.ok"])
        try await node.kill()
    }
}
