import BearmonSystem
import Foundation
import Glibc
import Testing
@testable import BearmonManagement
@testable import BearmonCLI

/// `--api` where there is no bearmon API to talk to, or where the command line itself is
/// wrong: each ends in one line that says what is wrong and what to do, and no token leaks.
@Suite("management commands over --api: refusals before and around the node")
struct RemoteCLIRefusalTests {
    static let token = "bm_" + String(repeating: "T", count: 43)

    /// Runs bearmon with `environment` merged into the test's (an empty BEARMON_TOKEN is none).
    private func run(_ arguments: [String], token: String = "") async throws -> CommandResult {
        try await Command.run(TestPaths.bearmon, arguments, timeout: 60, environment: ["BEARMON_TOKEN": token])
    }

    /// Asserts one "Error: ..." line on stderr with `words` in it, exit status 1, no usage text and no token.
    private func expectOneLine(_ result: CommandResult, _ words: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("Error: ") == true, "\(result.stderr)", sourceLocation: sourceLocation)
        for word in words { #expect(result.stderr.contains(word), "\(result.stderr)", sourceLocation: sourceLocation) }
        #expect(!result.stderr.contains("Usage:"), sourceLocation: sourceLocation)
        #expect(!(result.stdout + result.stderr).contains(Self.token), sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result.stdout)", sourceLocation: sourceLocation)
    }

    @Test("nothing listening: 'cannot connect', naming the address and what to check")
    func connectionRefused() async throws {
        let port = try refusedPort()
        let result = try await run(["checks", "list", "--api", "http://127.0.0.1:\(port)"], token: Self.token)
        expectOneLine(result, "cannot connect to the node at http://127.0.0.1:\(port)", "is bearmon running there")
    }

    @Test("an HTTP server that is not bearmon: said so, with what it answered and what --api wants")
    func notBearmon() async throws {
        let server = try await offPool { try FixtureHTTPServer() }
        defer { server.stop() }
        let list = try await run(["checks", "list", "--api", server.url("")], token: Self.token)
        expectOneLine(list, "does not answer as a bearmon API", "HTTP 404", "--api takes the address of a bearmon standalone or worker node")
        // A 200 that is not a page of checks is no better.
        let ok = try await run(["contacts", "list", "--api", server.url("/ok")])
        expectOneLine(ok, "does not answer as a bearmon API")
        let rm = try await run(["checks", "rm", "1", "--api", server.url("")], token: Self.token)
        expectOneLine(rm, "does not answer as a bearmon API")
    }

    @Test("TLS: an untrusted certificate names the fix (--api-ca); with it, the handshake passes; http to a TLS port and https to a plain one say which to use")
    func tls() async throws {
        let dir = try TempDirectory("bearmon-remote-tls")
        let identity = try TestCertificates.make("127.0.0.1", .days(2), in: dir)
        let tlsServer = try await offPool { try FixtureHTTPServer(identity: identity) }
        defer { tlsServer.stop() }
        let untrusted = try await run(["checks", "list", "--api", tlsServer.url("")], token: Self.token)
        expectOneLine(untrusted, "TLS with the node at \(tlsServer.url("")) failed", "--api-ca FILE")
        let trusted = try await run(["checks", "list", "--api", tlsServer.url(""), "--api-ca", identity.certificate], token: Self.token)
        expectOneLine(trusted, "does not answer as a bearmon API", "HTTP 404")

        let plainToTLS = try await run(["checks", "list", "--api", "http://\(tlsServer.address)"], token: Self.token)
        expectOneLine(plainToTLS, "use https://")

        let plainServer = try await offPool { try FixtureHTTPServer() }
        defer { plainServer.stop() }
        let tlsToPlain = try await run(["checks", "list", "--api", "https://\(plainServer.address)"], token: Self.token)
        expectOneLine(tlsToPlain, "TLS with the node at", "use http://")
    }

    @Test("a token on the command line is refused, naming BEARMON_TOKEN; so are credentials in the URL")
    func tokenNotInArgv() async throws {
        let port = try refusedPort()
        for form in [["--token", Self.token], ["--token=\(Self.token)"]] {
            let result = try await run(["checks", "list", "--api", "http://127.0.0.1:\(port)"] + form)
            #expect(result.status == 1)
            #expect(result.stderr.contains("set the environment variable BEARMON_TOKEN instead"), "\(result.stderr)")
            #expect(!result.stderr.contains(Self.token))
        }
        let inURL = try await run(["checks", "list", "--api", "http://x:\(Self.token)@127.0.0.1:\(port)"])
        expectOneLine(inURL, "the URL holds credentials", "BEARMON_TOKEN")
    }

    @Test("plain http off loopback is refused before anything is sent; a bad URL or scheme is named; --db with --api is a usage error")
    func badAddresses() async throws {
        // 192.0.2.0/24 is for documentation: nothing is sent there, since the refusal comes first.
        let cleartext = try await run(["checks", "list", "--api", "http://192.0.2.1:8888"], token: Self.token)
        expectOneLine(cleartext, "plain http to another machine", "use https://", "--api-cleartext")
        expectOneLine(try await run(["checks", "list", "--api", "ftp://127.0.0.1/"]), "the scheme must be http or https, not 'ftp'")
        expectOneLine(try await run(["checks", "list", "--api", "not a url"]), "--api not a url: not a URL")
        expectOneLine(try await run(["checks", "list", "--api", "http://127.0.0.1:1/?x=1"]), "may not have a query or fragment")
        let long = try await run(["checks", "list", "--api", "http://127.0.0.1:1/" + String(repeating: "a", count: 100_000)])
        expectOneLine(long, "--api is 100019 bytes long, more than 2048")
        #expect(long.stderr.count < 300)
        expectOneLine(try await run(["checks", "list", "--api", ""]), "not a URL")
        let both = try await run(["checks", "list", "--api", "http://127.0.0.1:1", "--db", "sqlite:/nonexistent/x"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("give --db or --api, not both"))
    }

    @Test("a BEARMON_TOKEN with a line break or spaces is refused, naming the variable but not the value")
    func badTokenVariable() async throws {
        let port = try refusedPort()
        for token in ["\(Self.token)\nX-Injected: 1", "bm_ \(Self.token)", String(repeating: "a", count: 2000) + Self.token] {
            let result = try await run(["checks", "list", "--api", "http://127.0.0.1:\(port)"], token: token)
            expectOneLine(result, "BEARMON_TOKEN holds")
        }
        // One trailing line break, as `$(cat file)` keeps none but a file read may, is not an error.
        let trailing = try await run(["checks", "list", "--api", "http://127.0.0.1:\(port)"], token: Self.token + "\n")
        expectOneLine(trailing, "cannot connect")
    }

    @Test("the token travels in the environment: it is never in /proc/PID/cmdline while the command runs")
    func notInCmdline() async throws {
        let server = try LoopbackServer(behaviour: .hang, lifetime: 60)
        defer { server.stop() }
        let dir = try TempDirectory("bearmon-remote-cmdline")
        let pid = try Spawn.start(TestPaths.bearmon, ["checks", "list", "--api", "http://127.0.0.1:\(server.port)"],
                                  stdout: .file(dir.file("out")), stderr: .file(dir.file("err")), environment: ["BEARMON_TOKEN": Self.token])
        defer {
            kill(pid, SIGKILL)
            _ = waitUntil(timeout: 5) { Spawn.reap(pid) != nil }
        }
        // Wait until the request is on the wire, so that the process is past parsing its arguments.
        let connected = try await offPool { waitUntil(timeout: 30) { server.acceptedCount > 0 } }
        #expect(connected)
        let cmdline = try #require(FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"))
        let environ = try #require(FileManager.default.contents(atPath: "/proc/\(pid)/environ"))
        #expect(String(decoding: cmdline, as: UTF8.self).contains("checks"))
        #expect(!String(decoding: cmdline, as: UTF8.self).contains(Self.token))
        // The token did reach the process, by its environment, which only its user can read.
        #expect(String(decoding: environ, as: UTF8.self).contains("BEARMON_TOKEN=\(Self.token)"))
    }
}
