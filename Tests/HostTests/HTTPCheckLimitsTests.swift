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

/// The http plugin's bounds and TLS: the clamped timeout, the body cap, a dripping server,
/// and HTTPS with a self-signed certificate generated for the test.
@Suite("http check: time, size and TLS")
struct HTTPCheckLimitsTests {
    let checks = ProductChecks()

    private func timed(_ data: String) async throws -> (CheckOutcome, Double) {
        let started = Deadline.now()
        let outcome = try await checks.run("http", data)
        return (outcome, Deadline.now().milliseconds(since: started) / 1000)
    }

    @Test("a response slower than the timeout is offline at the timeout, clamped up to 3 s")
    func slowResponse() async throws {
        let server = try FixtureHTTPServer()
        let (outcome, seconds) = try await timed(#"{"url":"\#(server.url("/slow/60"))","timeout":1}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.hasPrefix("timed out after "), "\(outcome.message)")
        #expect(outcome.message.contains("waiting for the response"), "\(outcome.message)")
        // timeout 1 is clamped to 3 s; the upper bound is generous for a loaded machine and
        // still well short of the server's 60 s.
        #expect(seconds >= 2.9)
        #expect(seconds < 45)
    }

    @Test("a server sending one byte per second is cut off at the deadline")
    func drip() async throws {
        let server = try FixtureHTTPServer()
        let (outcome, seconds) = try await timed(#"{"url":"\#(server.url("/drip/60"))","timeout":3,"expect_substring":"never sent"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.hasPrefix("timed out after "), "\(outcome.message)")
        #expect(outcome.message.contains("reading the body"), "\(outcome.message)")
        #expect(seconds >= 2.9)
        #expect(seconds < 45, "the server drips for 60 s")
    }

    @Test("a 5 MiB body is read only up to the 1 MiB cap")
    func bodyCap() async throws {
        let server = try FixtureHTTPServer()
        let early = try await checks.run("http", #"{"url":"\#(server.url("/big"))","expect_substring":"EARLY-MARKER"}"#)
        #expect(early.status == .online, "\(early.message)")
        let late = try await checks.run("http", #"{"url":"\#(server.url("/big"))","expect_substring":"LATE-MARKER"}"#)
        #expect(late.status == .offline)
        // LATE-MARKER sits at 4 MiB: past the cap, so it is never seen.
        #expect(late.message == #"substring "LATE-MARKER" not found in the first 1048576 bytes"#)
    }

    @Test("HTTPS with a self-signed certificate is offline unless insecure is set")
    func selfSigned() async throws {
        let directory = try TempDirectory("bearmon-http-tls")
        let identity = try TestCertificates.make("self-signed.test", .days(30), in: directory)
        let server = try FixtureHTTPServer(identity: identity)
        let verified = try await checks.run("http", #"{"url":"\#(server.url("/ok"))"}"#)
        #expect(verified.status == .offline)
        #expect(verified.message.contains("certificate"), "\(verified.message)")
        let insecure = try await checks.run("http", #"{"url":"\#(server.url("/ok"))","insecure":true,"expect_status":200}"#)
        #expect(insecure.status == .online, "\(insecure.message)")
        #expect(insecure.metric("tls_ms") != nil)
    }
}
