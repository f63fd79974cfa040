import BearmonSystem
import Foundation
import Synchronization
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

/// The checks' rules where bearmon once differed from gobearmon (issue 16), each against real
/// servers: on loopback, or inside a network namespace the test makes.
@Suite("gobearmon's check rules")
struct GobearmonRulesTests {
    let checks = ProductChecks()

    @Test("http and tcp: a timeout of 0 or none means 10 s, so a target answering in 5 s is online")
    func zeroTimeoutMeansTen() async throws {
        let http = try await offPool { try FixtureHTTPServer() }
        let tcp = try LoopbackServer(behaviour: .lateBanner(seconds: 5, "ready"))
        let url = http.url("/slow/5")
        async let httpAbsent = checks.run("http", #"{"url":"\#(url)"}"#)
        async let httpZero = checks.run("http", #"{"url":"\#(url)","timeout":0}"#)
        async let tcpAbsent = checks.run("tcp", #"{"address":"\#(tcp.address)","expect":"ready"}"#)
        async let tcpZero = checks.run("tcp", #"{"address":"\#(tcp.address)","expect":"ready","timeout":0}"#)
        for (name, outcome) in try await [("http", httpAbsent), ("http 0", httpZero), ("tcp", tcpAbsent), ("tcp 0", tcpZero)] {
            #expect(outcome.status == .online, "\(name): \(outcome.message)")
        }
    }

    @Test("ssl_expire: a certificate with 10 days 23 hours left is offline with days 10 and online with days 9")
    func wholeDaysLeft() async throws {
        let directory = try TempDirectory("bearmon-gobearmon-days")
        let identity = try TestCertificates.make("eleven.test", .endingIn(seconds: 10 * 86_400 + 23 * 3600), in: directory)
        let server = try await offPool { try FixtureHTTPServer(identity: identity) }
        let ten = try await checks.run("ssl_expire", #"{"address":"\#(server.address)","days":10}"#)
        #expect(ten.status == .offline, "\(ten.message)")
        #expect(ten.message == "certificate (eleven.test) expires in 11 days")
        let nine = try await checks.run("ssl_expire", #"{"address":"\#(server.address)","days":9}"#)
        #expect(nine.status == .online, "\(nine.message)")
    }

    @Test("tcp with expect: a peer that writes PONG and closes before the newline is offline")
    func unterminatedLine() async throws {
        let server = try LoopbackServer(behaviour: .unterminated("PONG"))
        // The longest timeout: the close, not the clock, is the point, and a loaded CI machine
        // once held the fixture's reply thread past the default 10 s.
        let outcome = try await checks.run("tcp", #"{"address":"\#(server.address)","payload":"PING","expect":"PONG","timeout":30}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message == #"\#(server.address) closed the connection before ending its reply line: "PONG""#)
    }

    @Test("tcp without expect connects and sends nothing, even with a payload")
    func payloadOnlyWithExpect() async throws {
        let lines = Mutex<[String]>([])
        let server = try LoopbackServer(behaviour: .replyToLine { line in
            lines.withLock { $0.append(line) }
            return "PONG"
        })
        let outcome = try await checks.run("tcp", #"{"address":"\#(server.address)","payload":"PING"}"#)
        #expect(outcome.status == .online)
        // The server reads until the check's socket closes; what it got is then recorded.
        #expect(try await offPool { waitUntil(timeout: 10) { !lines.withLock { $0.isEmpty } } })
        #expect(lines.withLock { $0 } == [""])
    }

    @Test("data keys match ignoring case, as Go's decoder did, and a key that differs only in case is as secret")
    func caseInsensitiveKeys() async throws {
        let server = try LoopbackServer(behaviour: .acceptAndClose)
        let outcome = try await checks.run("tcp", #"{"Address":"\#(server.address)","TIMEOUT":5}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        let http = try checks.host.type(.check, "http")
        let params = try checks.host.validate(http, data: #"{"URL":"http://127.0.0.1/","Password":"hunter2-secret","Username":"ops"}"#, strict: true)
        #expect(params.given.isSuperset(of: ["url", "password", "username"]))
        #expect(!params.maskedJSON.contains("hunter2-secret"))
        #expect(params.maskedJSON.contains("ops"))
    }
}

/// tcp and ssl_expire inside a test-made namespace: a name that resolves to `::1` first,
/// whose IPv6 port nftables drops, and to `127.0.0.1`, where a TLS server listens; and a
/// port given by service name, from the namespace's own /etc/services.
@Suite("gobearmon's dialer, in a network namespace")
struct GobearmonDialerTests {
    private static let name = "dual.bearmon-test"

    /// Runs `body` with a fresh namespace pair prepared as above, and its TLS server.
    private func withDualStackName(_ body: (NetworkNamespacePair, FixtureHTTPServer) async throws -> Void) async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        let directory = try TempDirectory("bearmon-dialer")
        let server = try await prepare(pair, in: directory)
        defer { withExtendedLifetime(server) {} }
        try await body(pair, server)
    }

    private func prepare(_ pair: NetworkNamespacePair, in directory: TempDirectory) async throws -> FixtureHTTPServer {
        let identity = try TestCertificates.make(Self.name, .days(30), in: directory)
        let server = try await offPool { try FixtureHTTPServer(identity: identity, namespace: (pair.prober, "127.0.0.1")) }
        try pair.setProberEtcFile("hosts", "::1 \(Self.name)\n127.0.0.1 \(Self.name)\n127.0.0.1 localhost\n")
        try pair.setProberEtcFile("services", "bearmon-test \(server.port)/tcp\n")
        try await offPool { try pair.addInputRules(in: pair.prober, [["meta", "nfproto", "ipv6", "tcp", "dport", "\(server.port)", "drop"]]) }
        return server
    }

    private func check(_ pair: NetworkNamespacePair, _ type: String, _ data: String) async throws -> CLICheckResult {
        try await offPool { try CLICheckResult(pair.run(in: pair.prober, [TestPaths.bearmon, "check", type, "--json", "--data", data])) }
    }

    @Test("a stalled ::1 is raced by 127.0.0.1 after 300 ms: tcp and ssl_expire are online")
    func stalledIPv6() async throws {
        try await withDualStackName { pair, server in
            let tcp = try await check(pair, "tcp", #"{"address":"\#(Self.name):\#(server.port)"}"#)
            #expect(tcp.status == "online", "\(tcp)")
            #expect(tcp.seconds < 8, "the fallback starts after 300 ms, not after the 10 s timeout: \(tcp)")
            let tls = try await check(pair, "ssl_expire", #"{"address":"\#(Self.name):\#(server.port)","days":10}"#)
            #expect(tls.status == "online", "\(tls)")
            // IPv6 alone stays offline: the drop is real.
            let v6 = try await check(pair, "tcp", #"{"address":"\#(Self.name):\#(server.port)","force_ip":6,"timeout":3}"#)
            #expect(v6.status == "offline", "\(v6)")
        }
    }

    @Test("a port may be a service name: tcp and ssl_expire run with host:NAME")
    func serviceName() async throws {
        try await withDualStackName { pair, _ in
            let tcp = try await check(pair, "tcp", #"{"address":"127.0.0.1:bearmon-test"}"#)
            #expect(tcp.status == "online", "\(tcp)")
            let tls = try await check(pair, "ssl_expire", #"{"address":"\#(Self.name):bearmon-test","days":10}"#)
            #expect(tls.status == "online", "\(tls)")
            let unknown = try await check(pair, "tcp", #"{"address":"127.0.0.1:no-such-service"}"#)
            #expect(unknown.status == "fail", "\(unknown)")
            #expect(unknown.message.contains("nor a TCP service name in /etc/services"), "\(unknown)")
        }
    }
}
