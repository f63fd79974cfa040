import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// The one access rule (README, "Access") over HTTP against a running standalone node:
/// `/v1/checks`, monitor-srv's queries and pushes, with tokens made by `bearmon tokens add`.
@Suite("access rule: tokens on a running node")
struct AccessRuleTests {
    static let closed = "[api]\nopenReads = false\n"

    @Test("closed reads: no token 401, read token reads but may not write (403), write token does both, on every surface")
    func matrix() async throws {
        let results = try await offPool { () -> [String] in
            let node = try AccessNode(config: Self.closed)
            var failures: [String] = []
            func expect(_ answer: JSONAnswer, _ code: Int, _ what: String, error: String? = nil) {
                if answer.code != code { failures.append("\(what): \(answer.code) \(answer.error), expected \(code)") }
                if let error, !answer.error.contains(error) { failures.append("\(what): error '\(answer.error)' lacks '\(error)'") }
            }
            for path in ["/v1/checks", "/v1/healthchecks", "/v1/services", "/v1/status", "/v1/stats"] {
                expect(try node.call("GET", path), 401, "GET \(path) without a token", error: "needs a token")
                expect(try node.call("GET", path, headers: node.bearer("reader")), 200, "GET \(path) with a read token")
                expect(try node.call("GET", path, headers: node.bearer("writer")), 200, "GET \(path) with a write token")
            }
            expect(try node.push(), 401, "a push without a token", error: "write token")
            expect(try node.push(node.bearer("reader")), 403, "a push with a read token", error: "token 'reader' has scope read")
            expect(try node.push(node.bearer("writer")), 200, "a push with a write token")
            expect(try node.push(["Authorization": "bearer \(node.token("writer"))"], from: "pusher-2"), 200, "the scheme in lower case")
            // The write landed: read it back with the read token.
            let read = try node.call("GET", "/v1/healthchecks?id=access.probe", headers: node.bearer("reader"))
            if read.entries("healthChecks").count != 2 { failures.append("expected 2 pushed healthchecks, got \(read.object)") }
            // /healthz stays open for probes and load balancers.
            expect(try node.call("GET", "/healthz"), 200, "/healthz without a token")
            return failures
        }
        #expect(results.isEmpty, "\(results)")
    }

    @Test("hostile Authorization headers are 401 with a reason, and the node goes on serving")
    func hostileHeaders() async throws {
        let results = try await offPool { () -> [String] in
            let node = try AccessNode(config: Self.closed)
            let write = node.token("writer")
            let hostile: [(String, String)] = [
                ("garbage", "Bearer not-a-token"),
                ("empty token", "Bearer "),
                ("no scheme", write),
                ("basic", "Basic \(Data("u:\(write)".utf8).base64EncodedString())"),
                ("a token one character short", "Bearer \(write.dropLast())"),
                ("a token with one more", "Bearer \(write)A"),
                ("another token's shape", "Bearer bm_\(String(repeating: "A", count: 43))"),
                ("very long", "Bearer bm_" + String(repeating: "x", count: 16_000)),
                ("non-ASCII", "Bearer bm_\u{00e9}\u{4e2d}\(String(repeating: "y", count: 40))"),
                ("control characters percent-encoded", "Bearer bm_%00%0a\(String(repeating: "z", count: 40))"),
            ]
            var failures: [String] = []
            for (what, header) in hostile {
                let answer = try node.call("POST", "/v1/healthchecks", headers: ["Authorization": header], body: MonitorMessages.healthCheck("h", node: "n"))
                if answer.code != 401 || answer.error.isEmpty { failures.append("\(what): \(answer.code) \(answer.error)") }
                if answer.error.contains(write) { failures.append("\(what): the refusal repeats the token") }
            }
            if try node.call("GET", "/v1/checks", headers: node.bearer("reader")).code != 200 { failures.append("the node stopped serving") }
            return failures
        }
        #expect(results.isEmpty, "\(results)")
    }

    @Test("a revoked token is refused from the next request on; tokens list shows last use; no token is ever logged")
    func revocation() async throws {
        let results = try await offPool { () -> [String] in
            let node = try AccessNode(config: Self.closed)
            var failures: [String] = []
            if try node.call("GET", "/v1/checks", headers: node.bearer("writer")).code != 200 { failures.append("write token refused before revocation") }
            let list = try Command.runBlocking(TestPaths.bearmon, ["tokens", "list", "--db", "sqlite:\(node.db)", "--json"])
            let listed = (try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8))) as? [[String: Any]] ?? []
            let writer = listed.first { $0["name"] as? String == "writer" }
            if writer?["scope"] as? String != "write" { failures.append("tokens list: \(list.stdout) \(list.stderr)") }
            // The use is written in the background; it shows within a generous bound.
            let used = waitUntil(timeout: 10) { ((try? node.store().tokens()) ?? []).first { $0.name == "writer" }?.lastUsedAt != nil }
            if !used { failures.append("last_used_at was not recorded") }
            let removed = try Command.runBlocking(TestPaths.bearmon, ["tokens", "rm", "writer", "--db", "sqlite:\(node.db)"])
            if removed.status != 0 || !removed.stdout.contains("revoked token") { failures.append("tokens rm: \(removed.stdout) \(removed.stderr)") }
            let after = try node.call("GET", "/v1/checks", headers: node.bearer("writer"))
            if after.code != 401 || !after.error.contains("revoked or mistyped") { failures.append("after revocation: \(after.code) \(after.error)") }
            if try node.push(node.bearer("writer")).code != 401 { failures.append("a push with a revoked token was taken") }
            if try node.call("GET", "/v1/checks", headers: node.bearer("reader")).code != 200 { failures.append("the other token stopped working") }
            // A pasted token is refused without being echoed.
            let pasted = try Command.runBlocking(TestPaths.bearmon, ["tokens", "rm", node.token("reader"), "--db", "sqlite:\(node.db)"])
            if pasted.status == 0 || (pasted.stdout + pasted.stderr).contains(node.token("reader")) { failures.append("tokens rm with a token: \(pasted.status)") }
            let log = node.node.process.log + list.stdout + list.stderr + removed.stdout + removed.stderr
            for (name, token) in node.tokens where log.contains(token) || log.contains(String(token.dropFirst(3))) {
                failures.append("token \(name) appears in the node's log or the CLI's output")
            }
            if !node.node.process.log.contains("refused") { failures.append("refusals are not logged") }
            return failures
        }
        #expect(results.isEmpty, "\(results)")
    }

    @Test("open reads by default on loopback: README's quick start works with no token, writes still need one when [push] token is set")
    func openOnLoopback() async throws {
        let results = try await offPool { () -> [String] in
            var failures: [String] = []
            let quickStart = try AccessNode()
            if !quickStart.node.process.log.contains("access: reads need no token") { failures.append("the start-up line does not say reads are open") }
            if try quickStart.call("GET", "/v1/checks").code != 200 { failures.append("quick start: /v1/checks needs a token") }
            let status = try Command.runBlocking(TestPaths.bearmon, ["status", "--addr", quickStart.node.address])
            if status.status != 0 { failures.append("quick start: bearmon status failed: \(status.stderr)") }
            // Loopback, open reads, no [push] token: pushes are taken as monitor-srv took them.
            if try quickStart.push().code != 200 { failures.append("a push on a loopback node without [push] token was refused") }
            // A token sent where none is needed must still exist (a script learns it stopped
            // working); its scope is not asked, and a stale session cookie does not block.
            if try quickStart.call("GET", "/v1/checks", headers: ["Authorization": "Bearer junk"]).code != 401 { failures.append("an open read ignored an unknown token") }
            if try quickStart.call("GET", "/v1/checks", headers: quickStart.bearer("reader")).code != 200 { failures.append("an open read refused a good token") }
            if try quickStart.push(quickStart.bearer("reader"), from: "open-reader").code != 200 { failures.append("an open push asked a good token's scope") }
            if try quickStart.call("GET", "/v1/checks", headers: ["Cookie": "bearmon_session=stale.x"]).code != 200 { failures.append("an open read looked at a stale cookie") }

            let pushToken = try AccessNode(config: "[push]\ntoken = push-secret-for-tests\n")
            if try pushToken.call("GET", "/v1/healthchecks").code != 200 { failures.append("with [push] token: reads are still open") }
            if try pushToken.push().code != 401 { failures.append("with [push] token: a push without it was taken") }
            if try pushToken.push(["Authorization": "Bearer push-secret-for-tests"]).code != 200 { failures.append("with [push] token: the push token was refused") }
            if try pushToken.push(pushToken.bearer("writer"), from: "p2").code != 200 { failures.append("with [push] token: an API write token was refused") }
            if try pushToken.push(pushToken.bearer("reader"), from: "p3").code != 403 { failures.append("with [push] token: a read token pushed") }
            if try pushToken.push(["Authorization": "Bearer push-secret-for-tests-"], from: "p4").code != 401 { failures.append("a longer push token was taken") }
            return failures
        }
        #expect(results.isEmpty, "\(results)")
    }

    @Test("closed reads: bearmon status and query use BEARMON_TOKEN from the environment, and say what is missing without it")
    func cliWithToken() async throws {
        let results = try await offPool { () -> [String] in
            let node = try AccessNode(config: Self.closed + "[push]\ntoken = push-secret-for-tests\n")
            var failures: [String] = []
            if !node.node.process.log.contains("access: reads need a read or write token") { failures.append("the start-up line does not say reads are closed") }
            let without = try Command.runBlocking(TestPaths.bearmon, ["status", "--addr", node.node.address])
            if without.status == 0 || !(without.stdout + without.stderr).contains("needs a token") { failures.append("status without a token: \(without.status) \(without.stderr)") }
            let with = try Command.runBlocking(TestPaths.bearmon, ["status", "--addr", node.node.address], environment: ["BEARMON_TOKEN": node.token("reader")])
            if with.status != 0 { failures.append("status with BEARMON_TOKEN: \(with.stderr)") }
            let query = try Command.runBlocking(TestPaths.bearmon, ["query", "services", "--addr", node.node.address], environment: ["BEARMON_TOKEN": node.token("reader")])
            if query.status != 0 { failures.append("query with BEARMON_TOKEN: \(query.stderr)") }
            // Closed reads: the push token authorises pushes only.
            if try node.call("GET", "/v1/checks", headers: ["Authorization": "Bearer push-secret-for-tests"]).code != 401 { failures.append("the push token read /v1/checks") }
            return failures
        }
        #expect(results.isEmpty, "\(results)")
    }

    @Test("bearmon tokens refuses a bad scope, a bad name, a taken name and an unknown token, naming the fix, and makes nothing")
    func cliRefusals() async throws {
        let dir = try TempDirectory("bearmon-tokens")
        let db = "sqlite:\(dir.file("t.sqlite"))"
        func run(_ arguments: [String]) async throws -> CommandResult { try await Command.bearmon(["tokens"] + arguments + ["--db", db]) }
        let first = try await run(["add", "--name", "ci", "--scope", "write"])
        #expect(first.status == 0 && first.stdout.split(separator: "\n").last?.hasPrefix("bm_") == true && first.stdout.split(separator: "\n").last?.count == 46)
        let refusals: [([String], String)] = [
            (["add", "--name", "x", "--scope", "admin"], "token scope must be read or write"),
            (["add", "--name", "", "--scope", "read"], "token name is empty"),
            (["add", "--name", String(repeating: "n", count: 65), "--scope", "read"], "at most 64"),
            (["add", "--name", "tab\there", "--scope", "read"], "control characters"),
            (["add", "--name", "ci", "--scope", "read"], "a token named \"ci\" exists"),
            (["rm", "nobody"], "no token has the id or name 'nobody'"),
            (["rm", "bm_pasted-token-text"], "not the token itself"),
        ]
        for (arguments, message) in refusals {
            let result = try await run(arguments)
            #expect(result.status != 0 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("bm_pasted"), "a pasted token was echoed")
        }
        let list = try await run(["list"])
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 2, "one header and one token: \(list.stdout)")
        #expect(list.stdout.contains("ci") && list.stdout.contains("never") && !list.stdout.contains("bm_"))
        let unknownOption = try await Command.bearmon(["tokens", "add", "--name", "x", "--scope", "read", "--token", "bm_x", "--db", db])
        #expect(unknownOption.status != 0, "no command takes a token in argv")
    }
}
