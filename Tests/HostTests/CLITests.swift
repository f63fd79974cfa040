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

/// The `bearmon` binary itself: exit codes, output and listings.
@Suite("bearmon check / plugins / bench")
struct CLITests {
    @Test("check exits 0 online, 2 offline, 3 fail, as Nagios plugins do")
    func exitCodes() async throws {
        let server = try LoopbackServer(behaviour: .acceptAndClose)
        let online = try await Command.bearmon(["check", "tcp", "--data", #"{"address":"\#(server.address)"}"#])
        #expect(online.status == 0)
        #expect(online.stdout.contains("status:  online"))
        #expect(online.stdout.contains("latency: "))
        #expect(online.stdout.contains("metric:  connect_ms = "))

        let port = try refusedPort()
        let offline = try await Command.bearmon(["check", "tcp", "--data", #"{"address":"127.0.0.1:\#(port)"}"#])
        #expect(offline.status == 2)
        #expect(offline.stdout.contains("status:  offline"))

        let bad = try await Command.bearmon(["check", "tcp", "--data", #"{"adress":"127.0.0.1:1"}"#])
        #expect(bad.status == 3)
        #expect(bad.stdout.contains("unknown parameter 'adress' (did you mean 'address'?)"))
    }

    @Test("an unknown type exits 3 and lists the registered check types")
    func unknownType() async throws {
        let result = try await Command.bearmon(["check", "htp", "--data", "{}"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("unknown check type 'htp'; registered check types: "))
        #expect(result.stdout.contains("tcp"))
    }

    @Test("a plugin that overruns gives fail, and the command still returns on time")
    func overrun() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        let result = try await Command.bearmon(["check", "fixture", "--data", #"{"mode":"hang","seconds":60}"#, "--plugins", dir.path, "--timeout", "1"], timeout: 60)
        #expect(!result.timedOut)
        #expect(result.status == 3)
        #expect(result.stdout.contains("overran its deadline"))
        // 1 s deadline + 1 s grace + process start; far below the plugin's 60 s sleep.
        #expect(result.seconds < 30)
    }

    @Test("plugins --json names each type by its type string, with parameters and refusals")
    func pluginsJSON() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        try await PluginBuilder.fixture("libold.so", in: dir, defines: ["FIXTURE_PREFIX=\"old\"", "FIXTURE_ABI_MAJOR=0"])
        let result = try await Command.bearmon(["plugins", "--json", "--plugins", dir.path])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let checks = try #require(json?["checks"] as? [String: Any])
        let fixture = try #require(checks["fixture"] as? [String: Any])
        #expect(fixture["kind"] as? String == "check")
        #expect(fixture["module_version"] as? String == "0.0.1")
        #expect(fixture["abi_version"] as? String == "1.4")
        #expect((fixture["module_file"] as? String)?.hasSuffix("/libfixture.so") == true)
        let params = try #require(fixture["params"] as? [[String: Any]])
        let password = try #require(params.first { $0["name"] as? String == "password" })
        #expect(password["secret"] as? Bool == true)
        let seconds = try #require(params.first { $0["name"] as? String == "seconds" })
        #expect(seconds["default"] as? Int == 60)
        let contacts = try #require(json?["contacts"] as? [String: Any])
        #expect(contacts["fixture"] != nil)
        let refused = try #require(json?["refused"] as? [[String: Any]])
        #expect(refused.count == 1)
        #expect((refused.first?["reason"] as? String)?.contains("plugin ABI 0.4") == true)
        #expect(result.stderr.contains("refused \(dir.path)/libold.so"))
    }

    @Test("plugins lists the built tcp type as text")
    func pluginsText() async throws {
        let result = try await Command.bearmon(["plugins"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tcp - Opens a TCP connection"))
        #expect(result.stdout.contains("refused files (0):"))
    }

    @Test("docs/types.md is what `plugins --markdown` prints from the built plugins' schemas")
    func pluginsMarkdown() async throws {
        let committed = try String(contentsOfFile: TestPaths.repoRoot + "/docs/types.md", encoding: .utf8)
        let result = try await Command.bearmon(["plugins", "--markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == committed, "regenerate it: bearmon plugins --markdown > docs/types.md")
        #expect(committed.contains("| `password` | string |  | Password for HTTP basic auth. Secret. |"))
        let both = try await Command.bearmon(["plugins", "--markdown", "--json"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("pick one"))
    }

    @Test("a bad config file fails with its line")
    func badConfig() async throws {
        let dir = try TempDirectory()
        let path = try dir.write("bad.cfg", "[plugins]\ndirr = /x\n")
        let result = try await Command.bearmon(["plugins", "--config", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path):2: unknown key 'dirr' in [plugins]"))
    }

    @Test("a [default] debug that is not a boolean is refused at its line rather than ignored")
    func badDebug() async throws {
        let dir = try TempDirectory()
        let path = try dir.write("debug.cfg", "[default]\ndebug = perhaps\n")
        let result = try await Command.bearmon(["plugins", "--config", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error: \(path):2: [default] debug: 'perhaps' is not a boolean (write true or false)"))
    }

    @Test("bench prints throughput and percentiles")
    func bench() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        let result = try await Command.bearmon(["bench", "fixture_noop", "--count", "200", "--concurrency", "8", "--plugins", dir.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("200 checks, concurrency 8"))
        #expect(result.stdout.contains("checks/s"))
        #expect(result.stdout.contains("outcomes: online 200, offline 0, fail 0"))
        #expect(result.stdout.contains("p99"))
    }
}
