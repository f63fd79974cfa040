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

/// The `healthcheck` type's rule and validation, without a store or a node.
@Suite("healthcheck check rule")
struct HealthcheckCheckTests {
    static func push(_ node: String, status: Int64, secondsAgo: Int64, now: Int64) -> PushRow {
        PushRow(kind: .healthCheck, healthCheckID: "job.alive", nodeID: node, serviceName: "jobs", serviceVersion: "1", status: status,
                timestamp: now - secondsAgo * 1_000, receivedAt: now - secondsAgo * 1_000, intervalSeconds: 60, ttlSeconds: 120, body: "{}")
    }

    @Test("online while min_ok nodes pushed OK within max_age; otherwise offline, saying what the others do")
    func verdict() throws {
        let dir = try TempDirectory()
        let host = try PluginHost(config: Config(), directory: dir.path, threads: 1, logger: quietLogger)
        let type = try host.type(.check, "healthcheck")
        let params = try host.validate(type, data: #"{"id":"job.alive","max_age":30,"min_ok":2}"#)
        let rule = HealthcheckCheck.Rule(params)
        let now: Int64 = 1_000_000_000
        let rows = [Self.push("n1", status: 1, secondsAgo: 5, now: now), Self.push("n2", status: 2, secondsAgo: 5, now: now),
                    Self.push("n3", status: 1, secondsAgo: 40, now: now)]
        let offline = rule.verdict(rows, now: now)
        #expect(offline.status == .offline)
        #expect(offline.message == "1 of min_ok 2 node(s) pushed job.alive OK within 30s; n2: ERROR, n3: last push 40s ago")
        let online = rule.verdict(rows + [Self.push("n4", status: 1, secondsAgo: 30, now: now)], now: now)
        #expect(online.status == .online)
        #expect(online.message == "2 of min_ok 2 node(s) pushed job.alive OK within 30s")
        #expect(rule.verdict([], now: now).message.hasSuffix("; no node has pushed it"))

        #expect(throws: InvalidParams.self) { try host.validate(type, data: #"{"id":"job.alive","max_age":99999999999}"#) }
        #expect(throws: InvalidParams.self) { try host.validate(type, data: #"{"id":"","max_age":5}"#) }
        #expect(HealthcheckCheck.Rule(try host.validate(type, data: #"{"id":"a","max_age":5}"#)).minOK == 1)
    }
}
