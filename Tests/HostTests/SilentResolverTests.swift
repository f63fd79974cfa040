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

/// A nameserver that never answers holds getaddrinfo for resolv.conf's `timeout` x `attempts`,
/// here 30 s: longer than any check. The lookup must end at the check's own deadline, as an
/// `offline` that names the name, not as a host-abandoned `fail` (which never counts toward a
/// flip), and a contact's at its own timeout, as a `retry`. The prober's resolv.conf (shown by
/// `ip netns exec`) names the target namespace's address, where nftables drops every DNS
/// datagram; the prober's hosts file names alpha.test and beta.test, which resolve at once.
@Suite("name lookups obey the check's deadline")
struct SilentResolverTests {
    /// A namespace pair whose prober asks a nameserver that never answers.
    private func silentPair() async throws -> NetworkNamespacePair {
        let pair = try await offPool { try NetworkNamespacePair() }
        do {
            try pair.setProberEtcFile("resolv.conf", "nameserver \(NetworkNamespacePair.targetAddress)\noptions timeout:30 attempts:1\n")
            // Without this machine's hostname in hosts, anything that resolves it at start-up
            // (libcurl's curl_version() did, through libldap) hangs on the silent nameserver too.
            try pair.setProberEtcFile("hosts", "127.0.0.1 localhost\n\(NetworkNamespacePair.targetAddress) alpha.test beta.test\n")
            try await offPool { try pair.addInputRules(in: pair.target, [["udp", "dport", "53", "drop"], ["tcp", "dport", "53", "drop"]]) }
        } catch {
            pair.remove()
            throw error
        }
        return pair
    }

    /// Runs `bearmon ARGS` in the prober namespace.
    private func bearmon(_ pair: NetworkNamespacePair, _ arguments: [String]) async throws -> CommandResult {
        try await offPool { try pair.run(in: pair.prober, [TestPaths.bearmon] + arguments) }
    }

    @Test("tcp, ssl_expire and http against a name whose nameserver never answers: offline at the timeout")
    func silentNameserver() async throws {
        let pair = try await silentPair()
        defer { pair.remove() }
        // tcp's and http's own `timeout` bound them; ssl_expire has none, so `--timeout` sets its deadline.
        let runs = [
            ("tcp", #"{"address":"quiet.test:80","timeout":3}"#, "20"), ("ssl_expire", #"{"address":"quiet.test:443","days":10}"#, "3"),
            ("http", #"{"url":"http://quiet.test/","timeout":3}"#, "20"),
        ]
        for (type, data, limit) in runs {
            let outcome = try CLICheckResult(try await bearmon(pair, ["check", type, "--json", "--timeout", limit, "--data", data]))
            #expect(outcome.status == "offline", "\(type): \(outcome)")
            #expect(outcome.message.contains("resolve quiet.test"), "\(type): \(outcome)")
            #expect(outcome.message.contains("before the deadline"), "\(type): \(outcome)")
            // The resolver alone would wait 30 s; the check's 3 s deadline ends it. The bound
            // is generous for a loaded machine and still far below the resolver's own.
            #expect(outcome.seconds < 20, "\(type): \(outcome)")
        }
    }

    @Test("an http redirect is resolved hop by hop: to another name, and to a silent one, which is offline at the timeout")
    func redirectHops() async throws {
        let pair = try await silentPair()
        defer { pair.remove() }
        let records = try TempDirectory("bearmon-hops")
        let server = try await offPool {
            try FixtureHTTPServer(record: records.file("requests.jsonl"), namespace: (pair.target, NetworkNamespacePair.targetAddress))
        }
        defer { server.stop() }
        let port = server.port
        let toBeta = "http://beta.test:\(port)/record/beta".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let named = #"{"url":"http://alpha.test:\#(port)/goto/302?to=\#(toBeta)","username":"alice","password":"hop-s3cret","expect_status":200}"#
        let outcome = try CLICheckResult(try await bearmon(pair, ["check", "http", "--json", "--data", named]))
        #expect(outcome.status == "online", "\(outcome)")
        let seen = server.recorded
        try #require(seen.count == 2, "\(seen)")
        let headers = seen.map { $0["headers"] as? [String: String] ?? [:] }
        #expect(headers[0]["host"] == "alpha.test:\(port)" && headers[0]["authorization"] != nil)
        // Credentials stay with the first host, as curl and Go keep them.
        #expect(headers[1]["host"] == "beta.test:\(port)" && headers[1]["authorization"] == nil, "\(headers[1])")

        let toQuiet = "http://quiet.test/".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let quiet = #"{"url":"\#(server.url("/goto/302?to=\(toQuiet)"))","timeout":3}"#
        let stuck = try CLICheckResult(try await bearmon(pair, ["check", "http", "--json", "--data", quiet]))
        #expect(stuck.status == "offline", "\(stuck)")
        #expect(stuck.message.contains("resolve quiet.test: no answer from the resolver before the deadline"), "\(stuck)")
        #expect(stuck.seconds < 20, "\(stuck)")
    }

    @Test("twenty http checks at once against the silent name all end offline, none abandoned or paused")
    func manyAtOnce() async throws {
        let pair = try await silentPair()
        defer { pair.remove() }
        // 100 checks, 20 in flight: the first rounds leave their lookups behind until the
        // cap of 64, after which new lookups end at once as "resolver saturated".
        let result = try await bearmon(pair, ["bench", "http", "--data", #"{"url":"http://quiet.test/","timeout":3}"#, "--count", "100", "--concurrency", "20"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("outcomes: online 0, offline 100, fail 0"), "\(result.stdout)")
        #expect(!(result.stdout + result.stderr).contains("paused"), "\(result.stdout) \(result.stderr)")
        // A figure, not a bound: five rounds of 3 s are 15 s, and the checks that start once 64
        // lookups are stuck end at once as "resolver saturated", so it is usually 12 s.
        print("bench http against a silent nameserver: \(result.seconds) s\n\(result.stdout)")
    }

    @Test("a webhook contact to a name whose nameserver never answers: retry at its timeout")
    func silentContact() async throws {
        let pair = try await silentPair()
        defer { pair.remove() }
        let check = #"{"id":1,"name":"web","type":"http","data":"{}"}"#
        let result = try await bearmon(pair, ["notify", "webhook", "--data", #"{"url":"http://quiet.test/hook","timeout":3}"#, "--check", check, "--status", "offline"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("outcome:  retry\nerror:    cannot reach quiet.test: resolve quiet.test: no answer from the resolver before the deadline"), "\(result.stdout)")
        #expect(result.seconds < 20, "\(result.seconds) s")
    }

    @Test("a running node with twenty http checks against the silent name: they go offline, an http check of an IP literal keeps working, nothing is paused")
    func runningNode() async throws {
        let pair = try await silentPair()
        defer { pair.remove() }
        let dir = try TempDirectory()
        let server = try await offPool { try FixtureHTTPServer(namespace: (pair.target, NetworkNamespacePair.targetAddress)) }
        defer { server.stop() }
        let db = dir.file("n.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let quiet = try (1...20).map { number in
            try store.addCheck(NewCheck(name: "quiet \(number)", type: "http", data: #"{"url":"http://quiet.test/\#(number)","timeout":3}"#, interval: 1, delay: 0))
        }
        let literal = try store.addCheck(NewCheck(name: "literal", type: "http", data: #"{"url":"\#(server.url("/"))","timeout":3}"#, interval: 1, delay: 0))
        // The node runs in the prober namespace, where only the silent nameserver answers names.
        let node = try BackgroundProcess("/usr/sbin/ip", ["netns", "exec", pair.prober, TestPaths.bearmon, "standalone", "--db", "sqlite:\(db)",
                                                          "--addr", "127.0.0.1:\(try refusedPort())"], log: dir.file("node.log"))
        defer { node.stop() }
        @Sendable func statuses(_ id: Int64) -> [String] {
            (try? store.database.query("SELECT status FROM check_results WHERE check_id = ? ORDER BY id", [.int(id)]).map { $0.string(0) }) ?? []
        }
        let quietIDs = quiet
        let settled = try await offPool {
            // Several rounds: the first leave lookups stuck until the cap, later ones are refused at once.
            waitUntil(timeout: 60) { quietIDs.allSatisfy { statuses($0).count >= 3 } && statuses(literal).count >= 10 }
        }
        #expect(settled, "\(node.log.suffix(3000))")
        #expect(statuses(literal).allSatisfy { $0 == "online" }, "\(statuses(literal))")
        for id in quiet {
            #expect(statuses(id).allSatisfy { $0 == "offline" }, "check \(id): \(statuses(id))")
            #expect(try store.checkRow(id)?.status == "offline")
        }
        #expect(!node.log.contains("paused"), "\(node.log.suffix(3000))")
    }
}
