import BearmonSystem
import Dispatch
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonServer
@testable import BearmonStore

/// monitor-srv's open API on a real standalone node, attacked as anyone on the network could:
/// a flood of new entries, a forged `bearmon.*` health, an unbounded query, a queue filled
/// to the brim. Each refusal is checked, and so is that monitoring carried on: a tcp check
/// whose target the test stops still flips offline.
@Suite("push API under attack", .serialized)
struct PushAttackTests {
    let dir: TempDirectory

    init() throws {
        dir = try TempDirectory("bearmon-push-attack")
    }

    /// A node on a store holding one tcp check (interval 1, delay 0) against a loopback
    /// listener that the test stops to make it flip.
    private final class Monitored: @unchecked Sendable {
        let node: NodeProcess
        let target: LoopbackServer
        let db: String

        init(dir: TempDirectory, push: String, environment: [String: String] = [:]) throws {
            target = try LoopbackServer(behaviour: .acceptAndClose, lifetime: 600)
            db = dir.file("attack.sqlite")
            let store = SQLStore(database: try SQLiteDatabase(path: db))
            try store.migrate()
            _ = try store.addCheck(NewCheck(name: "target", type: "tcp", data: #"{"address":"127.0.0.1:\#(target.port)"}"#, interval: 1, delay: 0))
            let config = try dir.write("attack.cfg", "[push]\n" + push + "\n")
            node = try NodeProcess(["standalone", "--db", "sqlite:\(db)", "--config", config, "--node", "n1"], log: dir.file("node.log"),
                                   environment: environment)
        }

        /// The check's status as the node reports it, or "" when it cannot say.
        var checkStatus: String { (try? node.status().checks.first?.status) ?? "" }

        /// Waits (30 s at most) for the check to be online, stops its target, and returns
        /// whether the check then flipped offline within 30 s.
        func flipsOffline() -> Bool {
            guard waitUntil(timeout: 30, { checkStatus == "online" }) else { return false }
            target.stop()
            return waitUntil(timeout: 30) { checkStatus == "offline" }
        }

        /// Rows in the SQLite file, read through a connection of the test's own.
        func count(_ sql: String) throws -> Int64 {
            try SQLStore(database: try SQLiteDatabase(path: db)).database.query(sql, []).first?.int(0) ?? -1
        }

        deinit { node.crash() }
    }

    private static func healthCheck(_ id: String, node: String, status: Int = 1, service: String = "spam", ttl: Int64 = 2_147_483_647) -> String {
        #"{"id":"\#(id)","status":\#(status),"ttl":\#(ttl),"interval":\#(ttl),"service":{"name":"\#(service)","version":"1","nodes":[{"id":"\#(node)"}]}}"#
    }

    @Test("3,000 pushes with distinct ids past [push] maxEntries: 429 naming the limit, nothing stored past it, ttl clamped to maxTTL, updates still taken, checks still flip")
    func floodOfNewEntries() async throws {
        let outcome = try await offPool {
            let monitored = try Monitored(dir: dir, push: "maxEntries = 50\nmaxTTL = 1h")
            var codes: [Int: Int] = [:]
            var refusal = ""
            for i in 0..<3_000 {
                let answer = try monitored.node.post("/v1/healthchecks", Self.healthCheck("spam.\(i)", node: "attacker-\(i)"))
                codes[answer.code, default: 0] += 1
                if answer.code == 429, refusal.isEmpty { refusal = answer.error }
            }
            let stored = try monitored.count("SELECT COUNT(*) FROM push_healthchecks WHERE healthcheck_id LIKE 'spam.%'")
            let total = try monitored.count("SELECT (SELECT COUNT(*) FROM push_healthchecks) + (SELECT COUNT(*) FROM push_status) + (SELECT COUNT(*) FROM push_stats)")
            let longestTTL = try monitored.count("SELECT MAX(ttl_s) + MAX(interval_s) FROM push_healthchecks")
            // An entry that was taken is updated, full or not.
            let update = try monitored.node.post("/v1/healthchecks", Self.healthCheck("spam.0", node: "attacker-0", status: 2))
            let updated = try monitored.count("SELECT status FROM push_healthchecks WHERE healthcheck_id = 'spam.0' AND node_id = 'attacker-0'")
            return (codes, refusal, stored, total, longestTTL, update.code, updated, monitored.flipsOffline())
        }
        let (codes, refusal, stored, total, longestTTL, updateCode, updated, flipped) = outcome
        #expect(codes.keys.sorted() == [200, 429], "\(codes)")
        #expect(Int64(codes[200] ?? 0) == stored, "every 200 was stored: \(codes), \(stored) stored")
        #expect(stored > 0 && stored <= 50)
        // The node's own healthchecks count towards the bound but are never refused.
        #expect(total <= 50 + 5, "\(total) entries stored")
        #expect(refusal.contains("[push] maxEntries = 50") && refusal.contains("raise [push] maxEntries"), "\(refusal)")
        #expect(longestTTL == 2 * 3_600, "ttl and interval are clamped to [push] maxTTL")
        #expect(updateCode == 200 && updated == 2)
        #expect(flipped, "the check flipped offline after the flood")
    }

    @Test("a forged bearmon.node.alive is 403 naming the rule, on the open API and unsigned on the signed route; the node's own entry is unchanged")
    func forgedSelfHealth() async throws {
        let outcome = try await offPool {
            let monitored = try Monitored(dir: dir, push: "")
            let query = "/v1/healthchecks?id=bearmon.node.alive"
            func own() -> [[String: Any]] { (try? monitored.node.json(query).pushedBy("n1")) ?? [] }
            _ = waitUntil(timeout: 30) { !own().isEmpty }
            let before = own().first?["status"] as? Int
            let forged = try monitored.node.post("/v1/healthchecks", Self.healthCheck("bearmon.node.alive", node: "n1", status: 2, service: "bearmon"))
            let viaSigned = try monitored.node.post("/v1/self/healthchecks", Self.healthCheck("bearmon.node.alive", node: "n1", status: 2, service: "bearmon"))
            // In another case it is the same row wherever keys are compared ignoring case.
            let shouted = try monitored.node.post("/v1/healthchecks", Self.healthCheck("BEARMON.Node.Alive", node: "n1", status: 2, service: "bearmon"))
            let after = own().first?["status"] as? Int
            return (before, forged.code, forged.error, viaSigned.code, shouted.code, after, monitored.flipsOffline())
        }
        let (before, forgedCode, forgedError, signedCode, shoutedCode, after, flipped) = outcome
        #expect(before == 1)
        #expect(forgedCode == 403)
        #expect(shoutedCode == 403)
        #expect(forgedError.contains("'bearmon.' are reserved"), "\(forgedError)")
        #expect(signedCode == 401 || signedCode == 403, "an unsigned call to the signed route is refused, got \(signedCode)")
        #expect(after == 1, "the shown self-health is unchanged")
        #expect(flipped)
    }

    @Test("limit=1000000000 answers at most 1000 entries, paged in SQL")
    func unboundedLimit() async throws {
        let outcome = try await offPool {
            let monitored = try Monitored(dir: dir, push: "")
            for i in 0..<1_100 {
                _ = try monitored.node.post("/v1/healthchecks", Self.healthCheck("many.\(i)", node: "n", service: "many"))
            }
            let huge = try monitored.node.json("/v1/healthchecks?service=many&limit=1000000000").entries("healthChecks").count
            let last = try monitored.node.json("/v1/healthchecks?service=many&limit=1000000000&offset=1000").entries("healthChecks").count
            let beyond = try monitored.node.json("/v1/healthchecks?service=many&limit=99999999999999999999")
            return (huge, last, beyond.code, monitored.flipsOffline())
        }
        #expect(outcome.0 == 1_000)
        #expect(outcome.1 == 100)
        #expect(outcome.2 == 400, "a limit past Int is a bad number, not a trap")
        #expect(outcome.3)
    }

    @Test("a full push lane sheds with 503 and Retry-After at once, queries too, while the check still flips")
    func laneShedding() async throws {
        let outcome = try await offPool {
            // Two places, and a lane that never writes: the first two pushes take the places.
            let monitored = try Monitored(dir: dir, push: "", environment: ["BEARMON_TEST_PUSH_LANE_CAPACITY": "2", "BEARMON_TEST_HOLD_PUSH_LANE": "1"])
            let url = "http://\(monitored.node.address)/v1/healthchecks"
            let body = Data(Self.healthCheck("held", node: "n").utf8)
            let group = DispatchGroup()
            for _ in 0..<2 {
                DispatchQueue.global().async(group: group) {
                    _ = try? HTTPTestClient.exchange(url, method: "POST", body: body, headers: ["Content-Type": "application/json"], timeout: 3)
                }
            }
            var shed: (Int, Data, [String: String])?
            for _ in 0..<5 where shed == nil {
                if let answer = try? HTTPTestClient.exchange(url, method: "POST", body: body, headers: ["Content-Type": "application/json"], timeout: 3),
                   answer.0 == 503 {
                    shed = answer
                }
            }
            let query = try? HTTPTestClient.exchange(url + "?id=held", timeout: 3)
            let flipped = monitored.flipsOffline()
            group.wait()
            return (shed, query?.0, flipped)
        }
        let (shed, queryCode, flipped) = outcome
        let answer = try #require(shed, "a push was shed")
        let retryAfter = answer.2.first { $0.key.lowercased() == "retry-after" }?.value
        #expect(retryAfter == "1")
        #expect(JSONAnswer(code: answer.0, data: answer.1).error.contains("the push API is busy"))
        #expect(queryCode == 503)
        #expect(flipped, "flips happen while the push lane is full")
    }
}
