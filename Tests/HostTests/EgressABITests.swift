import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonPlugins

/// ABI 1.1's egress_check, as a C plugin calls it, and a plugin built against the 1.0 header
/// (a verbatim copy, Tests/Fixtures/abi/v1.0) still loading and running on this host.
@Suite("plugin ABI 1.1: egress_check and 1.0 plugins")
struct EgressABITests {
    @Test("a 1.1 plugin asks egress_check: allowed, denied with the rule (mapped IPv6 too), a non-address refused")
    func egressCheck() async throws {
        let fixture = try await FixtureHost(config: try GcfgParser(file: "t.cfg").parse(EgressTests.config), defines: ["FIXTURE_ABI_MINOR=1"])
        #expect(try fixture.host.type(.check, "fixture").module.abiMinor == 1)
        let allowed = try await fixture.check(#"{"mode":"egress","message":"127.0.0.4"}"#)
        #expect(allowed.status == .online && allowed.message == "allowed")
        for address in ["127.0.0.3", "::ffff:127.0.0.3"] {
            let denied = try await fixture.check(#"{"mode":"egress","message":"\#(address)"}"#)
            #expect(denied.status == .offline && denied.message == EgressTests.rule, "\(denied.message)")
        }
        for junk in ["localhost", "127.1", "", "10.0.0.0/8", String(repeating: "9", count: 100_000)] {
            let refused = try await fixture.check(#"{"mode":"egress","message":"\#(junk)"}"#)
            #expect(refused.status == .fail && refused.message == "egress_check returned -4", "\(junk.prefix(20)): \(refused.message)")
        }
    }

    @Test("a plugin built against the 1.0 header loads (abi_minor 0) and runs")
    func oldPlugin() async throws {
        let fixture = try await FixtureHost(header: TestPaths.fixture("abi/v1.0"))
        let type = try fixture.host.type(.check, "fixture")
        #expect(type.module.abiMinor == 0)
        let outcome = try await fixture.check(#"{"mode":"echo","headers":{"a":"b"}}"#)
        #expect(outcome.status == .online && outcome.message.hasPrefix("headers=1 first=a:b"), "\(outcome.message)")
        let egress = try await fixture.check(#"{"mode":"egress","message":"127.0.0.3"}"#)
        #expect(egress.status == .fail && egress.message == "no egress_check")
    }
}
