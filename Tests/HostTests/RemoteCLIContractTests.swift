import Foundation
import Testing
@testable import BearmonCLI

/// `--api` at something that speaks HTTP and JSON but is not the API it claims: each answer
/// that cannot be trusted is one line, and a list that would never end is stopped.
@Suite("management commands over --api: answers that break the contract")
struct RemoteCLIContractTests {
    @Test("a cursor handed back twice, a 500 or 418 with an error, a 200 that is no page, a redirect, a 17 MiB answer")
    func brokenAnswers() async throws {
        let server = try await offPool { try FixtureHTTPServer() }
        defer { server.stop() }
        func list(_ kind: String) async throws -> CommandResult {
            try await Command.run(TestPaths.bearmon, ["checks", "list", "--api", server.url("/fakeapi/\(kind)")], timeout: 60, environment: ["BEARMON_TOKEN": ""])
        }
        let expectations: [(String, [String])] = [
            ("loop", ["the list did not end", "a cursor it had given before"]),
            ("fail", ["failed (HTTP 500): the database is on fire"]),
            ("teapot", ["short and stout (HTTP 418)"]),
            ("wrong", ["does not answer as a bearmon API", "is not what the API sends"]),
            ("moved", ["does not answer as a bearmon API", "HTTP 302"]),
            ("huge", ["does not answer as a bearmon API", "longer than 16 MiB"]),
        ]
        for (kind, words) in expectations {
            let result = try await list(kind)
            #expect(result.status == 1, "\(kind): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("Error: "), "\(kind): \(result.stderr)")
            for word in words { #expect(result.stderr.contains(word), "\(kind): \(result.stderr)") }
            #expect(result.stderr.count < 1500, "\(kind): \(result.stderr.count) characters")
            #expect(result.stdout.isEmpty)
        }
    }
}
