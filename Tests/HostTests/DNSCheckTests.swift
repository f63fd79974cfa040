import BearmonSystem
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

/// The dns plugin, loaded from the build's products directory, against a real nsd serving
/// Tests/Fixtures/dns/test.zone on a loopback port.
@Suite("dns check")
struct DNSCheckTests {
    // try!: an empty config has no [security] range that could fail to parse.
    let host = try! PluginHost(config: Config(), directory: TestPaths.products, threads: 4, logger: quietLogger)

    private func check(_ data: String, on host: PluginHost? = nil) async throws -> CheckOutcome {
        let host = host ?? self.host
        let type = try host.type(.check, "dns")
        return await host.runCheck(type, params: try host.validate(type, data: data, strict: true), label: "test")
    }

    @Test("each record type is answered, and expect matches its presentation format", arguments: [
        ("a.test", "A", "a.test. 300 IN A 1.2.3.4"),
        ("a.test", "aaaa", "IN AAAA 2001:db8::4"),
        ("test", "MX", "test. 300 IN MX 10 mail.test."),
        ("txt.test", "TXT", "\"hello from bearmon\""),
        ("_sip._tcp.test", "SRV", "IN SRV 10 20 5060 sip.test."),
        ("test.", "NS", "IN NS ns1.test."),
        ("test", "SOA", "IN SOA ns1.test. hostmaster.test. 2024010101"),
        ("www.test", "CNAME", "www.test. 300 IN CNAME a.test."),
        ("ptr.test", "PTR", "IN PTR a.test."),
        ("spf.test", "Spf", "IN SPF \"v=spf1 -all\""),
    ])
    func recordTypes(name: String, type: String, expect: String) async throws {
        let nsd = try await offPool { try NSDServer() }
        let outcome = try await check(#"{"server":"\#(nsd.address)","name":"\#(name)","type":"\#(type)","expect":"\#(expect.jsonEscaped)"}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(outcome.message.contains(expect), "\(outcome.message)")
        #expect(outcome.metrics.contains { $0.name == "query_ms" && $0.unit == "ms" })
    }

    @Test("expect not found is offline, naming the first answer and the expected string")
    func expectMissing() async throws {
        let nsd = try await offPool { try NSDServer() }
        let outcome = try await check(#"{"server":"\#(nsd.address)","name":"a.test","type":"A","expect":"1.2.3.5"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message == #"expected "1.2.3.5" but got "a.test. 300 IN A 1.2.3.4""#)
    }

    @Test("without expect, any answer record is online")
    func anyAnswer() async throws {
        let nsd = try await offPool { try NSDServer() }
        let outcome = try await check(#"{"server":"\#(nsd.address)","name":"www.test","type":"a"}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        // The A query for an alias answers with the CNAME and then the A record.
        #expect(outcome.message.contains("2 answer record(s) for www.test. A"), "\(outcome.message)")
    }

    @Test("NXDOMAIN is offline")
    func nxdomain() async throws {
        let nsd = try await offPool { try NSDServer() }
        let outcome = try await check(#"{"server":"\#(nsd.address)","name":"nx.test","type":"A"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message == "NXDOMAIN for nx.test.")
    }

    @Test("a name with no record of the type is offline: no answer")
    func noAnswer() async throws {
        let nsd = try await offPool { try NSDServer() }
        let outcome = try await check(#"{"server":"\#(nsd.address)","name":"txt.test","type":"MX"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message == "no answer record for txt.test. MX from \(nsd.address)")
    }

    @Test("SPF falls back to v=spf1 TXT records, and only to those")
    func spfAsTXT() async throws {
        let nsd = try await offPool { try NSDServer() }
        let found = try await check(#"{"server":"\#(nsd.address)","name":"spftxt.test","type":"SPF","expect":"ip4:192.0.2.0/24"}"#)
        #expect(found.status == .online, "\(found.message)")
        #expect(found.message.contains("(SPF found as TXT)"))
        let plain = try await check(#"{"server":"\#(nsd.address)","name":"notspf.test","type":"SPF"}"#)
        #expect(plain.status == .offline)
        #expect(plain.message.contains(#"no SPF record, and no "v=spf1" TXT record"#), "\(plain.message)")
    }

    @Test("a truncated UDP answer is asked again over TCP, which brings the whole RRset")
    func truncation() async throws {
        let nsd = try await offPool { try NSDServer() }
        // chunk09 is the last of ten ~110-byte TXT records: only a full answer holds it.
        let outcome = try await check(#"{"server":"\#(nsd.address)","name":"big.test","type":"TXT","expect":"chunk09"}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(outcome.message.contains("over TCP after a truncated UDP answer"), "\(outcome.message)")
        let small = try await check(#"{"server":"\#(nsd.address)","name":"txt.test","type":"TXT"}"#)
        #expect(!small.message.contains("over TCP"), "\(small.message)")
    }

    @Test("an IPv6 server in brackets")
    func ipv6Server() async throws {
        let nsd = try await offPool { try NSDServer() }
        let bracketed = try await check(#"{"server":"[::1]:\#(nsd.port)","name":"a.test","expect":"1.2.3.4"}"#)
        #expect(bracketed.status == .online, "\(bracketed.message)")
        #expect(bracketed.message.contains("from [::1]:\(nsd.port)"))
    }

    @Test("a server that never answers ends at the timeout")
    func silentServer() async throws {
        let silent = try SilentUDPServer()
        let outcome = try await check(#"{"server":"\#(silent.address)","name":"a.test","timeout":2}"#)
        let seconds = outcome.latencyMilliseconds / 1000
        #expect(outcome.status == .offline)
        #expect(outcome.message == "no answer from \(silent.address) within 2.0s")
        #expect(seconds >= 1.9)
        #expect(seconds < 15)
        // Unanswered queries are sent again each second.
        #expect(silent.receivedCount >= 2)
    }

    @Test("a closed port is offline")
    func refused() async throws {
        let port = try LoopbackPort.unused()
        let outcome = try await check(#"{"server":"127.0.0.1:\#(port)","name":"a.test","timeout":3}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.contains("Connection refused"), "\(outcome.message)")
    }

    @Test("[dns] server is the default, and the check's server overrides it")
    func configuredServer() async throws {
        let nsd = try await offPool { try NSDServer() }
        let config = try GcfgParser(file: "dns.cfg").parse("[dns]\nserver = \(nsd.address)\n")
        let configured = try PluginHost(config: config, directory: TestPaths.products, threads: 2, logger: quietLogger)
        let outcome = try await check(#"{"name":"a.test","expect":"1.2.3.4"}"#, on: configured)
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(outcome.message.contains("from \(nsd.address)"))
        let silent = try SilentUDPServer()
        let overridden = try await check(#"{"server":"\#(silent.address)","name":"a.test","timeout":1}"#, on: configured)
        #expect(overridden.message == "no answer from \(silent.address) within 1.0s")
    }

    @Test("bad params are fail, naming the field", arguments: [
        (#"{"type":"A"}"#, "parameter 'name': is required"),
        (#"{"name":"a.test","type":"ANY"}"#, "parameter 'type': 'ANY' is not one of A, AAAA, NS, SOA, PTR, MX, TXT, SRV, SPF, CNAME"),
        (#"{"name":"a.test","server":"::1:53x"}"#, "parameter 'server'"),
        (#"{"name":"a..test"}"#, "parameter 'name'"),
        (#"{"name":"a.test","timeout":"x"}"#, "parameter 'timeout': must be an integer"),
    ])
    func badParams(data: String, expected: String) async throws {
        let type = try host.type(.check, "dns")
        let error = #expect(throws: InvalidParams.self) { try host.validate(type, data: data) }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }
}

extension String {
    /// The text with JSON's quote and backslash escaped, for building check data.
    var jsonEscaped: String {
        replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
