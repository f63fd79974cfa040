import Foundation
import Glibc
import Testing

/// examples/third-party-plugin builds with `cc` against the header alone, loads, and runs.
@Suite("third-party C plugin example")
struct CExampleTests {
    let dir: TempDirectory
    let library: String

    init() async throws {
        dir = try TempDirectory()
        let example = TestPaths.repoRoot + "/examples/third-party-plugin"
        library = try await PluginBuilder.build(
            source: example + "/file_checks.c", output: dir.file("libfile-checks.so"),
            extra: ["-Wl,--version-script=\(example)/exports.map"]
        )
    }

    @Test("it exports only the entry point")
    func exports() async throws {
        let result = try await Command.run("/usr/bin/nm", ["-D", "--defined-only", library])
        let globals = result.stdout.split(separator: "\n").filter { $0.contains(" T ") || $0.contains(" D ") }
        #expect(globals.count == 1)
        #expect(globals.first?.hasSuffix(" bearmon_plugin_entry_v1") == true)
    }

    @Test("file_age is online for a fresh file and offline for an old one")
    func fileAge() async throws {
        let target = try dir.write("heartbeat", "ok\n")
        let fresh = try await Command.bearmon(["check", "file_age", "--data", #"{"path":"\#(target)","max_age":60}"#, "--plugins", dir.path])
        #expect(fresh.status == 0, "\(fresh.stdout)\(fresh.stderr)")
        #expect(fresh.stdout.contains("metric:  age_s = "))
        var times = [timeval(tv_sec: time(nil) - 7200, tv_usec: 0), timeval(tv_sec: time(nil) - 7200, tv_usec: 0)]
        utimes(target, &times)
        let stale = try await Command.bearmon(["check", "file_age", "--data", #"{"path":"\#(target)","max_age":60}"#, "--plugins", dir.path])
        #expect(stale.status == 2)
        #expect(stale.stdout.contains("more than max_age 60 s"))
    }

    @Test("file_match's own validation refuses a bad regex, naming the field")
    func fileMatch() async throws {
        let target = try dir.write("log", "starting\nready: accepting connections\n")
        let match = try await Command.bearmon(["check", "file_match", "--data", #"{"path":"\#(target)","pattern":"^ready: "}"#, "--plugins", dir.path])
        #expect(match.status == 0)
        #expect(match.stdout.contains("line 2 of"))
        let bad = try await Command.bearmon(["check", "file_match", "--data", #"{"path":"\#(target)","pattern":"(["}"#, "--plugins", dir.path])
        #expect(bad.status == 3)
        #expect(bad.stdout.contains("parameter 'pattern': "))
    }
}
