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

/// The redirect loop CurlKit runs itself, through the http check, against server.py on
/// loopback: /goto/CODE?to=URL answers CODE with that Location and records the request.
@Suite("http check: redirects, hop by hop")
struct HTTPRedirectTests {
    let checks = ProductChecks()
    let server: FixtureHTTPServer

    init() async throws { server = try await FixtureHTTPServer.recorder() }

    private func check(_ data: String) async throws -> CheckOutcome { try await checks.run("http", data) }

    /// What the server recorded: (method, path, body, content-type) per request.
    private var requests: [(method: String, path: String, body: String, contentType: String?)] {
        server.recorded.map { line in
            (line["method"] as? String ?? "", line["path"] as? String ?? "", line["body"] as? String ?? "",
             (line["headers"] as? [String: String])?["content-type"])
        }
    }

    @Test("a 303 with a relative Location turns a POST into a GET without the body")
    func seeOther() async throws {
        let outcome = try await check(#"{"url":"\#(server.url("/goto/303?to=/record/after"))","body":"a=1","expect_status":200}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(outcome.message.contains("after 1 redirect"), "\(outcome.message)")
        let seen = requests
        try #require(seen.count == 2, "\(seen)")
        #expect(seen[0].method == "POST" && seen[0].body == "a=1")
        #expect(seen[1].method == "GET" && seen[1].path == "/record/after" && seen[1].body.isEmpty)
    }

    @Test("a 307 and a 308 repeat the POST with its body", arguments: [307, 308])
    func temporaryKeepsPost(code: Int) async throws {
        let outcome = try await check(#"{"url":"\#(server.url("/goto/\(code)?to=/record/kept"))","body":"b=2","expect_status":200}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        let seen = requests
        try #require(seen.count == 2, "\(seen)")
        #expect(seen[1].method == "POST" && seen[1].path == "/record/kept" && seen[1].body == "b=2")
    }

    @Test("a body goes out without a Content-Type, as in gobearmon; a header can still set one")
    func noContentType() async throws {
        let plain = try await check(#"{"url":"\#(server.url("/record/plain"))","body":"x=1"}"#)
        #expect(plain.status == .online, "\(plain.message)")
        let given = try await check(#"{"url":"\#(server.url("/record/given"))","body":"{}","headers":{"Content-Type":"application/json"}}"#)
        #expect(given.status == .online, "\(given.message)")
        let seen = requests
        try #require(seen.count == 2, "\(seen)")
        #expect(seen[0].body == "x=1" && seen[0].contentType == nil, "\(seen[0])")
        #expect(seen[1].contentType == "application/json")
    }

    @Test("a redirect to a scheme other than http or https is offline and never followed", arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x"])
    func refusedScheme(location: String) async throws {
        let escaped = location.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let outcome = try await check(#"{"url":"\#(server.url("/goto/302?to=\(escaped)"))"}"#)
        #expect(outcome.status == .offline)
        let scheme = String(location.prefix { $0 != ":" })
        #expect(outcome.message.contains("refused a redirect from 127.0.0.1 to a \(scheme):// URL"), "\(outcome.message)")
    }

    @Test("the 11th redirect is offline and says so")
    func tooMany() async throws {
        let outcome = try await check(#"{"url":"\#(server.url("/redirect/11"))"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.contains("stopped after 10 redirects"), "\(outcome.message)")
    }
}
