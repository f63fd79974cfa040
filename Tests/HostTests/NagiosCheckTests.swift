import Foundation
import BearmonSystem
import Glibc
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonPlugins

/// The nagios check type against Debian's real monitoring-plugins-basic, and against
/// shell-script plugins in a directory the test makes and allows, which misbehave in every
/// way the issue names. Each ends within its deadline, with the right status, and leaves no
/// process behind (found by a per-test marker in /proc).
@Suite("nagios check type")
struct NagiosCheckTests {
    static let plugins = "/usr/lib/nagios/plugins"

    /// The real plugins, with the default settings.
    let real = ProductChecks()

    /// A directory of scripts allowed by `[nagios] dirs`, and a host that allows it.
    struct Scripts {
        let directory: TempDirectory
        let checks: ProductChecks

        init(commands: String? = nil) throws {
            directory = try TempDirectory("bearmon-nagios")
            var config = "[nagios]\ndirs = \(directory.path), \(NagiosCheckTests.plugins)\n"
            if let commands { config += "commands = \(commands)\n" }
            checks = try ProductChecks(config: config)
        }

        /// Writes an executable script `name` with `body` after the #! line.
        @discardableResult
        func script(_ name: String, _ body: String, mode: mode_t = 0o755) throws -> String {
            try Scripts.write(directory.file(name), "#!/bin/sh\n" + body + "\n", mode: mode)
        }

        /// Writes `text` through a descriptor opened O_CLOEXEC: a write descriptor that a
        /// process spawned meanwhile by a parallel test inherited would make exec fail with
        /// ETXTBSY for as long as that process lives (Foundation's atomic write leaks it).
        @discardableResult
        static func write(_ path: String, _ text: String, mode: mode_t) throws -> String {
            let fd = try syscall("open") { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode) }
            defer { close(fd) }
            let bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                written += try syscall("write") { bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } }
            }
            chmod(path, mode)
            return path
        }

        /// Runs `path` with `args` and `timeout`, and the wall time it took.
        func run(_ path: String, args: [String] = [], timeout: Int = 2, extra: String = "") async throws -> (CheckOutcome, Double) {
            let argsJSON = JSONValue.array(args.map(JSONValue.string)).jsonText
            let started = Date()
            let outcome = try await checks.run("nagios", #"{"command":"\#(path)","args":\#(argsJSON),"timeout":\#(timeout)\#(extra)}"#)
            return (outcome, Date().timeIntervalSince(started))
        }
    }

    // MARK: Debian's monitoring-plugins-basic

    @Test("check_dummy: exit 0 online, 1 online with WARNING (or offline when warning says so), 2 offline, 3 fail")
    func checkDummy() async throws {
        let cases: [(String, String, CheckStatus, String)] = [
            ("0", "online", .online, "OK: hi"),
            ("1", "online", .online, "WARNING: hi"),
            ("1", "offline", .offline, "WARNING: hi"),
            ("2", "online", .offline, "CRITICAL: hi"),
            ("3", "online", .fail, "UNKNOWN: hi"),
        ]
        for (code, warning, status, message) in cases {
            let outcome = try await real.run("nagios", #"{"command":"\#(Self.plugins)/check_dummy","args":["\#(code)","hi"],"warning":"\#(warning)"}"#)
            #expect(outcome.status == status && outcome.message == message, "exit \(code): \(outcome.status) \(outcome.message)")
        }
    }

    @Test("check_tcp against a listening loopback port is online with its time as seconds; a closed port is offline")
    func checkTCP() async throws {
        let server = try LoopbackServer(behaviour: .acceptAndClose)
        defer { server.stop() }
        let open = try await real.run("nagios", #"{"command":"\#(Self.plugins)/check_tcp","args":["-H","127.0.0.1","-p","\#(server.port)"]}"#)
        #expect(open.status == .online && open.message.hasPrefix("TCP OK"), "\(open.message)")
        let time = try #require(open.metrics.first { $0.name == "time" })
        #expect(time.unit == "s" && time.value >= 0 && time.value < 10)
        let closed = try await real.run("nagios", #"{"command":"\#(Self.plugins)/check_tcp","args":["-H","127.0.0.1","-p","\#(try refusedPort())"]}"#)
        #expect(closed.status == .offline && closed.message.contains("Connection refused"), "\(closed.message)")
    }

    @Test("check_http against the tests' HTTP server: online with time (s) and size (bytes) as metrics; a 500 is offline")
    func checkHTTP() async throws {
        let server = try await offPool { try FixtureHTTPServer() }
        defer { server.stop() }
        let ok = try await real.run("nagios", #"{"command":"\#(Self.plugins)/check_http","args":["-I","127.0.0.1","-p","\#(server.port)","-u","/fakeapi/wrong"]}"#)
        #expect(ok.status == .online && ok.message.hasPrefix("HTTP OK"), "\(ok.message)")
        #expect(ok.metrics.first { $0.name == "time" }?.unit == "s", "\(ok.metrics)")
        let size = try #require(ok.metrics.first { $0.name == "size" }, "\(ok.metrics)")
        #expect(size.unit == "B" && size.value > 20)
        let broken = try await real.run("nagios", #"{"command":"\#(Self.plugins)/check_http","args":["-I","127.0.0.1","-p","\#(server.port)","-u","/fakeapi/fail"]}"#)
        #expect(broken.status == .offline && broken.message.contains("500"), "\(broken.message)")
    }

    // MARK: Scripts that misbehave
    // Bounds are far from the scripts' own sleeps (60 s) and deadlines (30 s): on a loaded 2-core machine
    // spawning from the large test process can take many seconds; what matters is that nothing is waited out.

    @Test("a plugin that forks a sleeping grandchild and never exits: offline at the timeout, no descendant left")
    func grandchildAndHang() async throws {
        let scripts = try Scripts()
        let marker = ProcessMarker.make()
        defer { ProcessMarker.kill(marker) }
        let path = try scripts.script("hang", #"( sh -c 'sleep 60' "$1" & ); echo "starting"; sleep 60"#)
        let (outcome, seconds) = try await scripts.run(path, args: [marker], timeout: 2)
        #expect(outcome.status == .offline && outcome.message == "timed out after 2 s", "\(outcome.message)")
        #expect(seconds < 40, "took \(seconds) s: the 60 s sleep was waited for, not killed")
        #expect(ProcessMarker.pids(marker).isEmpty, "survivors: \(ProcessMarker.pids(marker))")
    }

    @Test("a child that calls setsid() does not survive the deadline, nor when the plugin exits first")
    func setsidChild() async throws {
        let scripts = try Scripts()
        let marker = ProcessMarker.make()
        defer { ProcessMarker.kill(marker) }
        let hang = try scripts.script("setsid-hang", #"setsid sh -c 'sleep 60' "$1" & echo "started"; sleep 60"#)
        let (late, seconds) = try await scripts.run(hang, args: [marker], timeout: 2)
        #expect(late.status == .offline && late.message == "timed out after 2 s", "\(late.message)")
        #expect(seconds < 40, "took \(seconds) s: the 60 s sleep was waited for, not killed")
        #expect(ProcessMarker.pids(marker).isEmpty, "survivors: \(ProcessMarker.pids(marker))")
        // Exits at once, leaving a setsid'd grandchild that holds the output pipe open.
        let quick = try scripts.script("setsid-quick", #"setsid sh -c 'sleep 60' "$1" & sleep 0.2; echo "OK - left one behind"; exit 0"#)
        let (early, quickSeconds) = try await scripts.run(quick, args: [marker], timeout: 30)
        #expect(early.status == .online && early.message == "OK - left one behind", "\(early.message)")
        #expect(quickSeconds < 25, "took \(quickSeconds) s: the leftover held the pipe until near the 30 s deadline")
        #expect(ProcessMarker.pids(marker).isEmpty, "survivors: \(ProcessMarker.pids(marker))")
    }

    @Test("a plugin that ignores SIGTERM gets SIGKILL a second later and is offline; one that exits leaving a child on the pipe ends at once")
    func ignoresTermAndKeepsPipe() async throws {
        let scripts = try Scripts()
        let marker = ProcessMarker.make()
        defer { ProcessMarker.kill(marker) }
        let stubborn = try scripts.script("stubborn", #"trap '' TERM; echo "$1"; while :; do sleep 1; done"#)
        let (outcome, seconds) = try await scripts.run(stubborn, args: [marker], timeout: 1)
        #expect(outcome.status == .offline && outcome.message == "timed out after 1 s", "\(outcome.message)")
        #expect(seconds >= 1.9 && seconds < 40, "took \(seconds) s: SIGKILL never came")
        #expect(ProcessMarker.pids(marker).isEmpty)
        let piped = try scripts.script("pipe", #"sh -c 'sleep 60' "$1" & echo "OK - done early"; exit 0"#)
        let (early, earlySeconds) = try await scripts.run(piped, args: [marker], timeout: 30)
        #expect(early.status == .online && early.message == "OK - done early", "\(early.message)")
        #expect(earlySeconds < 25, "took \(earlySeconds) s: the child on the pipe was waited for until near the 30 s deadline")
        #expect(ProcessMarker.pids(marker).isEmpty)
    }

    @Test("10 MB of output: read up to 64 KiB, the first line cut to 1,000 characters, the rest drained")
    func hugeOutput() async throws {
        let scripts = try Scripts()
        let tidy = try scripts.script("big", #"echo "OK - big | size=10MB;;;0"; head -c 10485760 /dev/zero | tr '\0' x; exit 0"#)
        let (first, _) = try await scripts.run(tidy, timeout: 20)
        #expect(first.status == .online && first.message == "OK - big", "\(first.message.prefix(80))")
        #expect(first.metrics.first { $0.name == "size" }.map { $0.value == 10_485_760 && $0.unit == "B" } == true, "\(first.metrics)")
        let oneLine = try scripts.script("line", #"head -c 10485760 /dev/zero | tr '\0' x; exit 2"#)
        let (second, _) = try await scripts.run(oneLine, timeout: 20)
        #expect(second.status == .offline && second.message == String(repeating: "x", count: 1_000), "\(second.message.count)")
    }

    @Test("no output, invalid UTF-8, exit 127, death by a signal: each with its status and a clear message")
    func oddEndings() async throws {
        let scripts = try Scripts()
        let silent = try await scripts.run(try scripts.script("silent", "exit 2")).0
        #expect(silent.status == .offline && silent.message == "CRITICAL (the plugin printed nothing)", "\(silent.message)")
        let silentOK = try await scripts.run(try scripts.script("silent0", "exit 0")).0
        #expect(silentOK.status == .online && silentOK.message == "OK (the plugin printed nothing)")
        let bytes = try await scripts.run(try scripts.script("bytes", #"printf 'OK - \377\376 caf\303\251\n'; exit 0"#)).0
        #expect(bytes.status == .online && bytes.message == "OK - \u{FFFD}\u{FFFD} café", "\(bytes.message)")
        let missing = try await scripts.run(try scripts.script("e127", #"echo "sh: frobnicate: not found"; exit 127"#)).0
        #expect(missing.status == .fail && missing.message.contains("exited with status 127, which is not a Nagios status (0 to 3): sh: frobnicate: not found"), "\(missing.message)")
        let killed = try await scripts.run(try scripts.script("segv", #"echo "about to crash"; kill -SEGV $$"#)).0
        #expect(killed.status == .fail && killed.message.contains("was killed by signal 11") && killed.message.hasSuffix(": about to crash"), "\(killed.message)")
    }

    @Test("the command gets a minimal environment, no descriptor but 0, 1 and 2 (and its own script), and runs as [nagios] user when bearmon is root")
    func environmentAndDescriptors() async throws {
        let scripts = try Scripts()
        let body = #"""
        echo "OK - uid=$(id -u)"
        env | sort
        for fd in /proc/$$/fd/*; do echo "fd ${fd##*/} $(readlink "$fd")"; done
        """#
        let (outcome, _) = try await scripts.run(try scripts.script("env", body), timeout: 10)
        #expect(outcome.status == .online)
        #expect(outcome.message == (geteuid() == 0 ? "OK - uid=65534" : "OK - uid=\(geteuid())"), "\(outcome.message)")
        // The rest goes to a file, written by children (no pipe or command substitution
        // in the shell whose descriptors are listed, which would add its own).
        let report = "/tmp/\(ProcessMarker.make())"
        defer { unlink(report + ".env"); unlink(report + ".fds") }
        let listing = try scripts.script("env-files", #"env > "$1.env"; ls -l /proc/$$/fd > "$1.fds"; echo OK"#)
        #expect(try await scripts.run(listing, args: [report], timeout: 10).0.status == .online)
        let environment = try String(contentsOfFile: report + ".env", encoding: .utf8).split(separator: "\n").map { String($0.split(separator: "=")[0]) }
        #expect(Set(environment).isSubset(of: ["PATH", "LC_ALL", "PWD"]), "\(environment)")
        let fds = try String(contentsOfFile: report + ".fds", encoding: .utf8).split(separator: "\n").filter { $0.contains(" -> ") }
        let extra = fds.filter { line in !["0", "1", "2"].contains(line.split(separator: " -> ")[0].split(separator: " ").last ?? "") }
        // dash keeps its script open on a high descriptor, and saves stdout (the output
        // pipe, fd 2's target) on another while it redirects; anything else came from bearmon.
        let stderrTarget = try #require(fds.first { $0.contains(" 2 -> ") }?.split(separator: " -> ").last)
        #expect(stderrTarget.hasPrefix("pipe:"))
        #expect(extra.allSatisfy { $0.hasSuffix(" -> \(listing)") || $0.hasSuffix(" -> \(stderrTarget)") }, "\(fds)")
    }

    @Test("perfdata on the first line and after the long text becomes metrics in base units; quoted labels, U and unknown units")
    func perfdata() async throws {
        let scripts = try Scripts()
        let body = #"""
        echo "OK - perf | 'disk space'=2MB;;;0 'it''s'=5ms time=1.5s"
        echo "long text, no data"
        echo "more text | load1=0.5;1;2;0; pct=50%"
        echo "cnt=12c usec=250us big=1TB kb=2KB bytes=7B gone=U weird=3xyz neg=-4.5e1"
        """#
        let (outcome, _) = try await scripts.run(try scripts.script("perf", body))
        #expect(outcome.status == .online && outcome.message == "OK - perf", "\(outcome.message)")
        let metrics = Dictionary(outcome.metrics.map { ($0.name, "\($0.value) \($0.unit)") }, uniquingKeysWith: { a, _ in a })
        #expect(metrics == [
            "disk space": "2097152.0 B", "it's": "0.005 s", "time": "1.5 s", "load1": "0.5 ", "pct": "50.0 %", "cnt": "12.0 c",
            "usec": "0.00025 s", "big": "1099511627776.0 B", "kb": "2048.0 B", "bytes": "7.0 B", "neg": "-45.0 ",
        ], "\(metrics)")
    }

    // MARK: Paths

    @Test("commands outside [nagios] dirs, relative, with .., through a symlink out, missing, not executable or not in [nagios] commands are fail, naming the setting")
    func pathRefusals() async throws {
        let scripts = try Scripts(commands: "ok, \(Self.plugins)/check_dummy, link-in")
        let ok = try scripts.script("ok", #"echo "OK - fine""#)
        try scripts.script("link-in-target", #"echo "OK - via link""#)
        symlink(scripts.directory.file("link-in-target"), scripts.directory.file("link-in"))
        symlink("/bin/sh", scripts.directory.file("escape"))
        try scripts.script("plain", #"echo "OK""#, mode: 0o644)
        #expect(try await scripts.run(ok).0.status == .online)
        #expect(try await scripts.run(scripts.directory.file("link-in")).0.message == "OK - via link")
        #expect(try await scripts.run("\(Self.plugins)/check_dummy", args: ["0"]).0.status == .online)
        let refusals: [(String, String)] = [
            ("/bin/sh", "is not listed in [nagios] commands"),
            ("\(Self.plugins)/check_tcp", "is not listed in [nagios] commands"),
            (scripts.directory.file("escape"), "is not listed in [nagios] commands"),
            (scripts.directory.file("missing"), "is not listed in [nagios] commands"),
        ]
        for (command, expected) in refusals {
            let outcome = try await scripts.run(command).0
            #expect(outcome.status == .fail && outcome.message.contains(expected), "\(command): \(outcome.message)")
        }
        // Without a commands list, the directory rules alone.
        let open = try Scripts()
        try open.script("plain", #"echo "OK""#, mode: 0o644)
        symlink("/bin/sh", open.directory.file("escape"))
        mkdir(open.directory.file("sub"), 0o755)
        let outside = try TempDirectory("bearmon-nagios-outside")
        try Scripts.write(outside.file("elsewhere"), "#!/bin/sh\necho OK\n", mode: 0o755)
        let dirRefusals: [(String, String)] = [
            ("check_dummy", "is not an absolute path; give the full path of a plugin under [nagios] dirs"),
            ("\(open.directory.path)/../\(URL(fileURLWithPath: open.directory.path).lastPathComponent)/plain", "contains '.' or '..'"),
            (open.directory.file("escape"), "(it resolves to /usr/bin/dash) is not under [nagios] dirs"),
            (outside.file("elsewhere"), "is not under [nagios] dirs"),
            (open.directory.file("missing"), "does not exist"),
            (open.directory.file("plain"), "is not executable (mode 644)"),
            (open.directory.file("sub"), "is not a regular file"),
        ]
        for (command, expected) in dirRefusals {
            let type = try open.checks.host.type(.check, "nagios")
            let params = try open.checks.host.validator(type, data: #"{"command":"\#(command)"}"#)
            let outcome = await open.checks.host.runCheck(type, params: params, label: "t")
            #expect(outcome.status == .fail && outcome.message.contains(expected), "\(command): \(outcome.message)")
        }
    }

    @Test("data is validated: timeout 1 to 300, an absolute command, warning online or offline, args a list of strings; args are masked")
    func validation() throws {
        let cases: [(String, String)] = [
            (#"{"command":"/x","timeout":0}"#, "parameter 'timeout': must be 1 to 300 seconds, got 0"),
            (#"{"command":"/x","timeout":301}"#, "parameter 'timeout': must be 1 to 300 seconds, got 301"),
            (#"{"command":"x"}"#, "parameter 'command': must be an absolute path"),
            (#"{"command":"/x","warning":"maybe"}"#, "parameter 'warning': 'maybe' is not one of online, offline"),
            (#"{"command":"/x","args":"-H x"}"#, "parameter 'args': must be a list of strings, got a string"),
            (#"{"command":"/x","args":[1]}"#, "parameter 'args': entry 0 must be a string"),
            (#"{"args":[]}"#, "parameter 'command': is required"),
        ]
        for (data, expected) in cases {
            let error = try real.rejection("nagios", data)
            #expect(error?.description.contains(expected) == true, "\(data): \(error?.description ?? "accepted")")
        }
        let type = try real.host.type(.check, "nagios")
        let params = try real.host.validate(type, data: #"{"command":"/usr/lib/nagios/plugins/check_pgsql","args":["-p","hunter22"],"timeout":30}"#)
        #expect(!params.maskedJSON.contains("hunter22") && params.maskedJSON.contains(#""args":"\#(ResolvedParams.mask)""#))
        #expect(type.maxRunMilliseconds(for: params) == 35_000, "the timeout sets the check's longest run")
        #expect(type.maxRunMilliseconds(for: try real.host.validate(type, data: #"{"command":"/x"}"#)) == 15_000)
    }
}

extension PluginHost {
    /// Validates `data` for `type` without running the plugin's own validate (which would
    /// refuse the relative paths the run-time refusal tests need).
    func validator(_ type: PluginType, data: String) throws -> ResolvedParams {
        try type.validator.resolve(data)
    }
}
