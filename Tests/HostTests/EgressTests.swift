import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonPlugins
@testable import BearmonSystem

/// "Any address is a target": with `[security] deny` naming a loopback address that stands
/// in for cloud metadata (127.0.0.3), every bundled check and contact refuses to connect to
/// it, naming the rule, and the denied listener sees nothing; checks to other addresses carry on.
@Suite("egress policy: checks and contacts refuse denied addresses")
struct EgressTests {
    static let denied = "127.0.0.3"
    static let rule = "127.0.0.3 is denied by [security] deny 127.0.0.3/32"
    static let config = "[security]\ndeny = 127.0.0.3/32\n"

    let checks: ProductChecks

    init() throws { checks = try ProductChecks(config: Self.config) }

    @Test("an http check to a denied address fails naming the rule; the listener there gets nothing; other checks still run")
    func httpDenied() async throws {
        let target = try await FixtureHTTPServer.recorder(loopback: Self.denied)
        let outcome = try await checks.run("http", #"{"url":"\#(target.url("/record/meta"))"}"#)
        #expect(outcome.status == .fail, "\(outcome.message)")
        #expect(outcome.message.contains(Self.rule), "\(outcome.message)")
        #expect(target.recorded.isEmpty)
        let allowed = try await FixtureHTTPServer.recorder()
        let other = try await checks.run("http", #"{"url":"\#(allowed.url("/ok"))","expect_status":200}"#)
        #expect(other.status == .online, "\(other.message)")
    }

    @Test("a site on an allowed address that redirects to a denied one fails at the hop, and nothing of the denied reply leaks")
    func redirectDenied() async throws {
        let target = try await FixtureHTTPServer.recorder(loopback: Self.denied)
        let site = try await FixtureHTTPServer.recorder()
        let location = target.url("/record/meta").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        // Were the hop followed, the denied reply ("recorded", 200) would make this online.
        let outcome = try await checks.run("http", #"{"url":"\#(site.url("/goto/302?to=\(location)"))","expect_status":200,"expect_substring":"recorded"}"#)
        #expect(outcome.status == .fail, "\(outcome.message)")
        #expect(outcome.message.contains(Self.rule), "\(outcome.message)")
        #expect(!outcome.message.contains("recorded"), "\(outcome.message)")
        #expect(outcome.metric("first_byte_ms") == nil)
        #expect(target.recorded.isEmpty)
        #expect(site.recorded.count == 1)
    }

    @Test("an IPv4-mapped IPv6 address is judged as IPv4, in a URL and in a tcp address")
    func mapped() async throws {
        let http = try await checks.run("http", #"{"url":"http://[::ffff:127.0.0.3]:9/"}"#)
        #expect(http.status == .fail && http.message.contains(Self.rule), "\(http.message)")
        let tcp = try await checks.run("tcp", #"{"address":"[::ffff:127.0.0.3]:9"}"#)
        #expect(tcp.status == .fail && tcp.message.contains(Self.rule), "\(tcp.message)")
    }

    @Test("an allow narrower than a deny lets that address through, and the rest of the deny holds")
    func narrowerAllow() async throws {
        let checks = try ProductChecks(config: "[security]\ndeny = 127.0.0.0/29\nallow = 127.0.0.3/32\n")
        let target = try await FixtureHTTPServer.recorder(loopback: Self.denied)
        let outcome = try await checks.run("http", #"{"url":"\#(target.url("/record/allowed"))","expect_status":200}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(target.recorded.count == 1)
        let other = try await checks.run("tcp", #"{"address":"127.0.0.2:9"}"#)
        #expect(other.status == .fail && other.message.contains("127.0.0.2 is denied by [security] deny 127.0.0.0/29"), "\(other.message)")
    }

    @Test("a tcp check is refused before it connects")
    func tcp() async throws {
        let server = try LoopbackServer(host: Self.denied, behaviour: .banner("SECRET"))
        let outcome = try await checks.run("tcp", #"{"address":"\#(Self.denied):\#(server.port)","expect":"SECRET"}"#)
        #expect(outcome.status == .fail && outcome.message.contains(Self.rule), "\(outcome.message)")
        #expect(server.acceptedCount == 0)
    }

    @Test("an ssl_expire check is refused before it connects")
    func sslExpire() async throws {
        let server = try LoopbackServer(host: Self.denied, behaviour: .acceptAndClose)
        let outcome = try await checks.run("ssl_expire", #"{"address":"\#(Self.denied):\#(server.port)"}"#)
        #expect(outcome.status == .fail && outcome.message.contains(Self.rule), "\(outcome.message)")
        #expect(server.acceptedCount == 0)
    }

    @Test("a dns check does not query a denied server")
    func dnsServer() async throws {
        let outcome = try await checks.run("dns", #"{"name":"a.test","server":"\#(Self.denied):53"}"#)
        #expect(outcome.status == .fail && outcome.message.contains(Self.rule), "\(outcome.message)")
    }

    @Test("an icmp check does not ping a denied target")
    func icmp() async throws {
        let outcome = try await checks.run("icmp", #"{"target":"\#(Self.denied)"}"#)
        #expect(outcome.status == .fail && outcome.message.contains(Self.rule), "\(outcome.message)")
    }

    @Test("a webhook to a denied address is permanent, naming the rule, and the receiver gets nothing")
    func webhook() async throws {
        let receiver = try await FixtureHTTPServer.recorder(loopback: Self.denied)
        let contacts = try ProductContacts(config: Self.config)
        for type in ["webhook", "http"] {
            let outcome = try await contacts.deliver(type, receiver.url("/record/hook"))
            #expect(outcome.status == .permanent && outcome.error.contains(Self.rule), "\(type): \(outcome.error)")
        }
        #expect(receiver.recorded.isEmpty)
    }

    @Test("an [smtp] host on a denied address is permanent, naming the rule")
    func smtpHost() async throws {
        let server = try LoopbackServer(host: Self.denied, behaviour: .banner("220 smtp"))
        let contacts = try ProductContacts(config: Self.config + "[smtp]\nhost = \(Self.denied)\nport = \(server.port)\nfrom = noreply@bearmon.test\n")
        let outcome = try await contacts.deliver("email", "ops@bearmon.test")
        #expect(outcome.status == .permanent && outcome.error.contains(Self.rule), "\(outcome.error)")
        #expect(server.acceptedCount == 0)
    }

    @Test("a [twilio] baseURL on a denied address is permanent, naming the rule")
    func twilioBaseURL() async throws {
        let twilio = try await FixtureHTTPServer.recorder(loopback: Self.denied)
        let contacts = try ProductContacts(config: Self.config + "[twilio]\naccountSid = AC1\nauthToken = t\nfrom = +15550001111\nbaseURL = \(twilio.url(""))\n")
        let outcome = try await contacts.deliver("sms", "+15551234567")
        #expect(outcome.status == .permanent && outcome.error.contains(Self.rule), "\(outcome.error)")
        #expect(twilio.recorded.isEmpty)
    }

    @Test("bearmon check with the config file refuses the denied address, as a node would (exit 3, fail)")
    func commandLine() async throws {
        let dir = try TempDirectory("bearmon-egress")
        let config = try dir.write("egress.cfg", Self.config)
        let run = try await Command.bearmon(["check", "http", "--data", #"{"url":"http://\#(Self.denied):9/"}"#, "--config", config])
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(Self.rule), "\(run.stdout)")
        let bad = try dir.write("bad.cfg", "[security]\ndeny = 10.0.0.1/8\n")
        let refused = try await Command.bearmon(["check", "http", "--data", #"{"url":"http://127.0.0.1:9/"}"#, "--config", bad])
        #expect(refused.status != 0 && refused.stderr.contains("[security] deny: '10.0.0.1/8' is not a CIDR range"), "\(refused.stderr)")
    }
}
