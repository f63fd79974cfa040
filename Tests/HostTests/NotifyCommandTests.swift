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

/// `bearmon notify`, end to end through the binary, against a receiver on loopback.
@Suite("bearmon notify")
struct NotifyCommandTests {
    let receiver: FixtureHTTPServer

    init() async throws { receiver = try await FixtureHTTPServer.recorder() }

    private func notify(_ type: String, _ data: String, check: String, extra: [String] = []) async throws -> CommandResult {
        try await Command.bearmon(["notify", type, "--data", data, "--check", check, "--status", "offline"] + extra)
    }

    @Test("delivered exits 0; the check's secrets are masked by its type's schema, or by their names for a type not loaded")
    func deliveredAndMasked() async throws {
        let known = #"{"id":9,"name":"api","type":"http","data":"{\"url\":\"http://127.0.0.1/\",\"password\":\"pw-known-1\"}"}"#
        let result = try await notify("http", receiver.url("/record/a"), check: known, extra: ["--message", "down", "--event-id", "e-9"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout == "outcome:  delivered\nevent_id: e-9\n")
        let unknownType = #"{"id":10,"name":"x","type":"nosuchtype","data":{"api_token":"tok-unknown-2","host":"h"}}"#
        let second = try await notify("webhook", receiver.url("/record/b"), check: unknownType)
        #expect(second.status == 0, "\(second.stdout) \(second.stderr)")

        let received = receiver.recorded
        try #require(received.count == 2)
        let form = received[0]["form"] as? [String: String] ?? [:]
        #expect(form["data"] == #"{"password":"********","url":"http://127.0.0.1/"}"#)
        #expect(form["check_id"] == "9")
        #expect(form["message"] == "down")
        #expect(form["event_id"] == "e-9")
        let json = try #require(JSONSerialization.jsonObject(with: Data((received[1]["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect(json["data"] as? String == #"{"api_token":"********","host":"h"}"#)
        #expect((json["event_id"] as? String)?.count == 36, "a UUID by default")
        #expect(json["kind"] as? String == "test", "a hand-fired notification is a test")
        let everything = received.map { "\($0)" }.joined() + result.stdout + result.stderr + second.stdout + second.stderr
        #expect(!everything.contains("pw-known-1"))
        #expect(!everything.contains("tok-unknown-2"))
    }

    @Test("retry and permanent print the error and exit 1")
    func failures() async throws {
        let check = #"{"id":1,"name":"web","type":"http","data":"{}"}"#
        let port = try refusedPort()
        let retry = try await notify("webhook", "http://127.0.0.1:\(port)/", check: check)
        #expect(retry.status == 1)
        #expect(retry.stdout.hasPrefix("outcome:  retry\nerror:    cannot reach 127.0.0.1: "), "\(retry.stdout)")
        let permanent = try await notify("webhook", receiver.url("/status/404"), check: check)
        #expect(permanent.status == 1)
        #expect(permanent.stdout.hasPrefix("outcome:  permanent\nerror:    HTTP 404 from 127.0.0.1: status 404\n"), "\(permanent.stdout)")
    }

    @Test("a bad --check, bad contact data or an unknown type fails with a clear message", arguments: [
        ("webhook", "http://127.0.0.1:9/", "[1,2]", "--check must be a JSON object"),
        ("webhook", "http://127.0.0.1:9/", #"{"id":1,"nmae":"x"}"#, "--check: unknown key 'nmae' (known: id, name, type, data)"),
        ("webhook", "http://127.0.0.1:9/", #"{"id":"one"}"#, "--check: id must be an integer"),
        ("webhook", "ftp://127.0.0.1/", #"{"id":1}"#, "parameter 'url': the scheme must be http or https"),
        ("pager", "x", #"{"id":1}"#, "unknown contact type 'pager'"),
    ])
    func badInput(type: String, data: String, check: String, expected: String) async throws {
        let result = try await notify(type, data, check: check)
        #expect(result.status == 1)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(receiver.recorded.isEmpty)
    }

    @Test("--status takes only offline or online")
    func statusChoices() async throws {
        let result = try await Command.bearmon(["notify", "log", "--data", "ops", "--check", "{}", "--status", "degraded"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("degraded"))
    }
}
