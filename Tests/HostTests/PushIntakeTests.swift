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

/// Reading go-micro's monitor messages: both shapes, both key styles, the `[push]` defaults,
/// the clamped timestamp, and every refusal with its reason. No I/O.
@Suite("push intake")
struct PushIntakeTests {
    let received: Int64 = 1_800_000_000_000
    var intake: PushIntake { PushIntake(settings: PushSettings(), receivedAt: received) }

    private func refusal(_ kind: PushKind, _ body: String, settings: PushSettings = PushSettings()) -> String? {
        do {
            _ = try PushIntake(settings: settings, receivedAt: received).row(kind, body: Array(body.utf8))
            return nil
        } catch {
            #expect(error.status == 400)
            return error.reason
        }
    }

    @Test("ids and node ids with control characters or whitespace at either end are refused, naming the field")
    func keysAsCompared() {
        func healthCheck(id: String, node: String) -> String {
            let encoded = { (text: String) in String(decoding: try! JSONEncoder().encode(text), as: UTF8.self) }
            return #"{"id":\#(encoded(id)),"service":{"name":"app","nodes":[{"id":\#(encoded(node))}]},"status":1}"#
        }
        #expect(refusal(.healthCheck, healthCheck(id: " ping", node: "n1"))?.contains("id starts or ends with whitespace") == true)
        #expect(refusal(.healthCheck, healthCheck(id: "ping\u{3000}", node: "n1"))?.contains("id starts or ends with whitespace") == true)
        #expect(refusal(.healthCheck, healthCheck(id: "pi\u{0}ng", node: "n1"))?.contains("id contains the control character U+0") == true)
        #expect(refusal(.healthCheck, healthCheck(id: "ping", node: "n1\n"))?.contains("service.nodes[0].id contains the control character U+A") == true)
        #expect(refusal(.healthCheck, healthCheck(id: "ping", node: "n1 "))?.contains("service.nodes[0].id starts or ends with whitespace") == true)
        #expect(refusal(.healthCheck, healthCheck(id: "a b\u{301}", node: "n\u{e9}1")) == nil, "inner spaces and combining marks are fine")
    }

    @Test("an older healthcheck (service.id, float timestamp, no interval or ttl) keeps its fields and takes the defaults")
    func olderShape() throws {
        let row = try intake.row(.healthCheck, body: Array(MonitorMessages.ping.utf8))
        #expect(row.healthCheckID == "go.micro.healthcheck.ping")
        #expect(row.nodeID == "go-server-672d50a7-ab77-11e5-ad84-68a86d0d36b6")
        #expect(row.serviceName == "go-server" && row.serviceVersion == "1.0.0")
        #expect(row.status == 1)
        #expect(row.timestamp == 1_451_096_504_000)
        #expect(row.receivedAt == received)
        #expect(row.intervalSeconds == 60 && row.ttlSeconds == 120)
        let stored = MonitorMessages.object(row.body)
        #expect(NSDictionary(dictionary: stored).isEqual(to: MonitorMessages.object(MonitorMessages.ping)))
    }

    @Test("a newer healthcheck names its node in service.nodes[0].id; snake_case and enum names are read too")
    func newerShape() throws {
        let body = #"{"id":"db","status":"ERROR","error":"down","interval":5,"ttl":7,"timestamp":"1700000000","service":{"name":"app","version":"2","nodes":[{"id":"n1","address":"127.0.0.1","port":80}]},"results":{"rows":12,"ok":false}}"#
        let row = try intake.row(.healthCheck, body: Array(body.utf8))
        #expect(row.nodeID == "n1")
        #expect(row.status == 2)
        #expect(row.intervalSeconds == 5 && row.ttlSeconds == 7)
        #expect(row.timestamp == 1_700_000_000_000)
        let message = try JSONDecoder().decode(MonitorHealthCheck.self, from: Data(row.body.utf8))
        #expect(message.results == ["rows": "12", "ok": "false"])
        #expect(message.service?.nodes == [MonitorNode(id: "n1", address: "127.0.0.1", port: 80)])
    }

    @Test("a client timestamp in the future is clamped to when the push arrived")
    func futureTimestamp() throws {
        let row = try intake.row(.status, body: Array(#"{"service":{"name":"a","nodes":[{"id":"n"}]},"status":2,"timestamp":4000000000}"#.utf8))
        #expect(row.timestamp == received)
        #expect(MonitorMessages.object(row.body)["timestamp"] as? Double == Double(received) / 1_000)
    }

    @Test("stats sent with snake_case keys are stored in go-micro's lowerCamelCase")
    func statsKeys() throws {
        let row = try intake.row(.stats, body: Array(MonitorMessages.stats(node: "s1").utf8))
        #expect(row.nodeID == "s1")
        #expect(row.body.contains(#""stdDev":0.25"#))
        #expect(row.body.contains(#""userTime":120"#))
        #expect(row.body.contains(#""heapInUse":400000"#))
        #expect(!row.body.contains("_"))
    }

    @Test("[push] interval and ttl replace the defaults for messages without them")
    func configuredDefaults() throws {
        let config = try GcfgParser(file: "push.cfg").parse("[push]\ninterval = 30\nttl = 2m\nreap = 500ms\nmaxBody = 2048\ntoken = s3cret\n")
        let settings = try PushSettings.from(config)
        #expect(settings.defaultIntervalSeconds == 30 && settings.defaultTTLSeconds == 120)
        #expect(settings.reapInterval == .milliseconds(500) && settings.maxBodyBytes == 2048 && settings.token == "s3cret")
        #expect(throws: ConfigError.self) { try PushSettings.from(try GcfgParser(file: "push.cfg").parse("[push]\nreap = 1m\n")) }
        let row = try PushIntake(settings: settings, receivedAt: received).row(.healthCheck, body: Array(MonitorMessages.pong.utf8))
        #expect(row.intervalSeconds == 30 && row.ttlSeconds == 120)
    }

    @Test("[push] maxTTL clamps ttl and interval, the largest numbers included; the smallest is refused, never a trap")
    func maxTTLClamps() throws {
        let settings = try PushSettings.from(try GcfgParser(file: "push.cfg").parse("[push]\nmaxTTL = 1h\nmaxEntries = 7\n"))
        #expect(settings.maxTTLSeconds == 3_600 && settings.maxEntries == 7)
        #expect(PushSettings().maxTTLSeconds == 7 * 86_400 && PushSettings().maxEntries == 100_000)
        let intake = PushIntake(settings: settings, receivedAt: received)
        for value in ["2147483647", "2147483648", "1000000000000000", "3601"] {
            let body = #"{"id":"x","service":{"id":"n"},"ttl":\#(value),"interval":\#(value)}"#
            let row = try intake.row(.healthCheck, body: Array(body.utf8))
            #expect(row.ttlSeconds == 3_600 && row.intervalSeconds == 3_600, "\(value)")
        }
        // Numbers beyond what a Double holds exactly are a 400, not a trap.
        for value in ["9223372036854775807", "-9223372036854775808", "1e300", "-1"] {
            #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"ttl":\#(value)}"#) != nil, "\(value)")
        }
        for bad in ["maxTTL = 0", "maxTTL = 100000d", "maxEntries = 0", "maxEntries = -5"] {
            #expect(throws: ConfigError.self, "\(bad)") { try PushSettings.from(try GcfgParser(file: "push.cfg").parse("[push]\n\(bad)\n")) }
        }
    }

    @Test("[push] maxBody may lower the node's body cap for pushes, not raise it")
    func maxBodyWithinCap() throws {
        func settings(_ maxBody: Int) throws -> PushSettings {
            try PushSettings.from(try GcfgParser(file: "push.cfg").parse("[push]\nmaxBody = \(maxBody)\n"))
        }
        #expect(try settings(RequestBodyLimit.bytes).maxBodyBytes == RequestBodyLimit.bytes)
        do {
            _ = try settings(RequestBodyLimit.bytes + 1)
            Issue.record("a maxBody over the cap was taken")
        } catch {
            #expect("\(error)".contains("maxBody"))
            #expect("\(error)".contains("must be at most \(RequestBodyLimit.bytes) bytes, the node's cap on any request body"), "\(error)")
        }
    }

    @Test("bad input is refused with the reason, naming the field")
    func refusals() {
        #expect(refusal(.healthCheck, "{not json")?.hasPrefix("invalid JSON") == true)
        #expect(refusal(.healthCheck, "[1, 2]") == "the body must be a JSON object")
        #expect(refusal(.healthCheck, #"{"service":{"id":"n"},"status":1}"#)?.hasPrefix("id is required") == true)
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"name":"a"}}"#)?.hasPrefix("the node's id is required: service.nodes[0].id") == true)
        #expect(refusal(.status, #"{"service":{"name":"a","nodes":[]}}"#)?.hasPrefix("the node's id is required") == true)
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"status":"SOMETIMES"}"#) == "status: 'SOMETIMES' is not one of UNKNOWN, OK, ERROR")
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"status":7}"#) == "status: 7 is not one of 0 UNKNOWN, 1 OK, 2 ERROR")
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"nodes":[{"id":5}]}}"#) == "service.nodes[0].id must be a string")
        #expect(refusal(.healthCheck, #"{"id":"x","service":"svc"}"#) == "service must be an object")
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"interval":1.5}"#) == "interval must be a whole number, got 1.5")
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"ttl":-3}"#) == "ttl must be a positive number of seconds, got -3")
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"results":{"a":{"b":"c"}}}"#) == "results.a must be a string, got an object")
        let versionTooLong = #"{"id":"x","service":{"id":"n","version":"\#(String(repeating: "9", count: 65))"}}"#
        #expect(refusal(.healthCheck, versionTooLong) == "service.version is 65 characters; at most 64 are accepted")
    }

    @Test("nesting deeper than the cap, and more results than the cap, are refused before anything is stored")
    func caps() {
        let deep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"results":{"a":"\#(String(repeating: "[", count: 40))"},"x":\#(deep)}"#)
                == "the body nests deeper than 32 levels of objects and arrays")
        // Brackets inside strings do not count.
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"results":{"a":"\#(String(repeating: "[", count: 40))"}}"#) == nil)
        let results = (0..<257).map { "\"k\($0)\":\"v\"" }.joined(separator: ",")
        #expect(refusal(.healthCheck, #"{"id":"x","service":{"id":"n"},"results":{\#(results)}}"#) == "results has 257 entries; at most 256 are accepted")
    }

    @Test("query parameters: defaults, numbers, and 400 for what is not a number")
    func queries() throws {
        let defaults = try MonitorQuery(parameters: [:])
        #expect(defaults.limit == 10 && defaults.offset == 0 && defaults.status == 0 && !defaults.verbose && defaults.service == nil)
        let given = try MonitorQuery(parameters: ["service": "a", "id": "", "status": "2", "limit": "0", "offset": "3", "verbose": "true"])
        #expect(given.service == "a" && given.id == nil && given.status == 2 && given.limit == 10 && given.offset == 3 && given.verbose)
        for (name, value) in [("limit", "ten"), ("offset", "-1"), ("status", "1.5"), ("verbose", "maybe")] {
            #expect(throws: PushRefusal.self) { try MonitorQuery(parameters: [name: value]) }
        }
        #expect(given.selection == PushSelection(service: "a", id: nil, status: 2, limit: 10, offset: 3))
        #expect(try MonitorQuery(parameters: ["limit": "1000000000"]).limit == MonitorQuery.maxLimit)
        #expect(try MonitorQuery(parameters: ["limit": "1000"]).limit == 1_000)
    }

    @Test("freshness: stale past the interval, expired past both interval and ttl")
    func freshness() {
        #expect(PushFreshness(receivedAt: 0, intervalSeconds: 10, ttlSeconds: 30, now: 10_000) == .fresh)
        #expect(PushFreshness(receivedAt: 0, intervalSeconds: 10, ttlSeconds: 30, now: 12_500) == .stale(secondsAgo: 12))
        #expect(PushFreshness(receivedAt: 0, intervalSeconds: 10, ttlSeconds: 30, now: 30_001) == .expired)
        // A ttl shorter than the interval: expiry waits for the interval too, as in monitor-srv.
        #expect(PushFreshness(receivedAt: 0, intervalSeconds: 10, ttlSeconds: 2, now: 5_000) == .fresh)
        #expect(PushFreshness(receivedAt: 0, intervalSeconds: 10, ttlSeconds: 2, now: 10_001) == .expired)
    }
}
