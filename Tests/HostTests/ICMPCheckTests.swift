import BearmonSystem
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

/// The icmp plugin, in process, against the host's loopback addresses.
@Suite("icmp check")
struct ICMPCheckTests {
    // try!: an empty config has no [security] range that could fail to parse.
    let host = try! PluginHost(config: Config(), directory: TestPaths.products, threads: 4, logger: quietLogger)

    private func check(_ data: String) async throws -> CheckOutcome {
        let type = try host.type(.check, "icmp")
        return await host.runCheck(type, params: try host.validate(type, data: data, strict: true), label: "test")
    }

    @Test("loopback answers all five requests, with loss and RTT metrics", arguments: [
        (#"{"target":"127.0.0.1"}"#, "ping 127.0.0.1:"),
        (#"{"target":"::1","force_ip":6}"#, "ping ::1:"),
        (#"{"target":"[::1]","packetloss":true}"#, "ping ::1:"),
    ])
    func loopback(data: String, prefix: String) async throws {
        let started = Deadline.now()
        let outcome = try await check(data)
        let seconds = Deadline.now().milliseconds(since: started) / 1000
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(outcome.message.hasPrefix(prefix + " 0% packet loss (5 of 5 replies)"), "\(outcome.message)")
        let metrics = Dictionary(outcome.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(metrics["loss_percent"] == 0)
        let low = try #require(metrics["rtt_min_ms"]), mid = try #require(metrics["rtt_avg_ms"]), high = try #require(metrics["rtt_max_ms"])
        #expect(low > 0 && low <= mid && mid <= high && high < 1000)
        // One request per second: the fifth goes out at 4 s. The upper bound only catches a
        // run that waited out its whole budget or more, with room for a loaded machine.
        #expect(seconds >= 3.9 && seconds < 30, "\(seconds)")
    }

    @Test("a name that does not resolve in the forced family is offline")
    func unresolvable() async throws {
        let outcome = try await check(#"{"target":"127.0.0.1","force_ip":6}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.contains("resolve 127.0.0.1"), "\(outcome.message)")
    }

    @Test("bad params are fail, naming the field", arguments: [
        (#"{}"#, "parameter 'target': is required"),
        (#"{"target":"127.0.0.1","force_ip":5}"#, "parameter 'force_ip': '5' is not one of 0, 4, 6"),
        (#"{"target":"127.0.0.1","packetloss":"yes"}"#, "parameter 'packetloss': must be"),
    ])
    func badParams(data: String, expected: String) async throws {
        let type = try host.type(.check, "icmp")
        let error = #expect(throws: InvalidParams.self) { try host.validate(type, data: data) }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }
}
