import Foundation
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

/// The ssl_expire plugin against TLS servers on loopback, with certificates that `openssl`
/// makes for each test.
@Suite("ssl_expire check")
struct SSLExpireCheckTests {
    let checks = ProductChecks()
    let directory: TempDirectory

    init() throws { directory = try TempDirectory("bearmon-sslexpire") }

    private func server(_ name: String, _ validity: TestCertificates.Validity) throws -> FixtureHTTPServer {
        try FixtureHTTPServer(identity: TestCertificates.make(name, validity, in: directory))
    }

    @Test("a certificate expiring in 5 days is offline with days 10; one in 400 days is online")
    func expiringSoonAndLater() async throws {
        let soon = try server("soon.test", .days(5))
        let soonOutcome = try await checks.run("ssl_expire", #"{"address":"\#(soon.address)","days":10}"#)
        #expect(soonOutcome.status == .offline)
        #expect(soonOutcome.message == "certificate (soon.test) expires in 5 days")
        let daysLeft = try #require(soonOutcome.metric("days_left"))
        #expect(daysLeft > 4.9 && daysLeft <= 5)
        // notAfter itself, for /metrics' bearmon_tls_cert_expiry_timestamp_seconds: the same moment days_left counts to.
        let expiry = try #require(soonOutcome.metric("expiry_timestamp"))
        #expect(abs(expiry - (Date().timeIntervalSince1970 + daysLeft * 86_400)) < 120, "expiry \(expiry), days left \(daysLeft)")

        let later = try server("later.test", .days(400))
        let laterOutcome = try await checks.run("ssl_expire", #"{"address":"\#(later.address)","days":10}"#)
        #expect(laterOutcome.status == .online)
        #expect(laterOutcome.message == "certificate (later.test) expires in 400 days")
        #expect(laterOutcome.metric("days_left").map { $0 > 399 && $0 <= 400 } == true)
    }

    @Test("without days, only an expired certificate is offline")
    func defaultDays() async throws {
        let soon = try server("soon-default.test", .days(5))
        let outcome = try await checks.run("ssl_expire", #"{"address":"\#(soon.address)"}"#)
        #expect(outcome.status == .online)
    }

    @Test("an expired certificate is still read, and is offline")
    func expired() async throws {
        let old = try server("expired.test", .expiredLongAgo)
        let outcome = try await checks.run("ssl_expire", #"{"address":"\#(old.address)","days":10}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.hasPrefix("certificate (expired.test) expired "), "\(outcome.message)")
        #expect(outcome.message.hasSuffix(" days ago"))
        #expect((outcome.metric("days_left") ?? 0) < -365)
    }

    @Test("SNI carries the host name, so the server can pick the certificate; an address literal sends none")
    func sni() async throws {
        let fallback = try TestCertificates.make("default.test", .days(100), in: directory)
        let named = try TestCertificates.make("sni.test", .days(200), in: directory)
        let server = try FixtureHTTPServer(identity: fallback, sni: ["localhost": named])
        let byName = try await checks.run("ssl_expire", #"{"address":"localhost:\#(server.port)"}"#)
        #expect(byName.message == "certificate (sni.test) expires in 200 days", "\(byName.message)")
        let byAddress = try await checks.run("ssl_expire", #"{"address":"\#(server.address)"}"#)
        #expect(byAddress.message == "certificate (default.test) expires in 100 days", "\(byAddress.message)")
    }

    @Test("a port that does not speak TLS is offline with the handshake's reason")
    func plainTCP() async throws {
        let server = try LoopbackServer(behaviour: .banner("SSH-2.0-OpenSSH_9.2"))
        let outcome = try await checks.run("ssl_expire", #"{"address":"\#(server.address)"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.hasPrefix("\(server.address) did not complete a TLS handshake: "), "\(outcome.message)")
    }

    @Test("a server that accepts and never handshakes is offline at the deadline")
    func stalledHandshake() async throws {
        let server = try LoopbackServer(behaviour: .hang)
        let started = Deadline.now()
        let outcome = try await checks.run("ssl_expire", #"{"address":"\#(server.address)"}"#, budget: 2000)
        let seconds = Deadline.now().milliseconds(since: started) / 1000
        #expect(outcome.status == .offline)
        #expect(outcome.message.hasPrefix("\(server.address) did not complete a TLS handshake: "), "\(outcome.message)")
        #expect(outcome.message.contains("timed out after"))
        #expect(seconds >= 1.9)
        #expect(seconds < 45, "the server never answers; a loaded machine may be slow to cut")
    }

    @Test("a refused port is offline, and says so")
    func refused() async throws {
        let port = try refusedPort()
        let outcome = try await checks.run("ssl_expire", #"{"address":"127.0.0.1:\#(port)"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.contains("Connection refused"))
    }

    @Test("bad params are fail, naming the field", arguments: [
        (#"{}"#, "parameter 'address': is required"),
        (#"{"address":"127.0.0.1"}"#, "parameter 'address': the port is missing"),
        (#"{"address":"127.0.0.1:443","days":-1}"#, "parameter 'days': must not be negative"),
        (#"{"address":"127.0.0.1:443","days":"x"}"#, "parameter 'days': must be an integer"),
    ])
    func badParams(data: String, expected: String) throws {
        let error = try checks.rejection("ssl_expire", data)
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }
}
