import BearmonSystem
import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonPlugins
@testable import BearmonStore

/// `[plugins] isolate` in a running standalone node: modules whose run() aborts, segfaults
/// or exits, and one whose entry point sleeps past the entry timeout, sit beside a normal check whose alerts go
/// through the (isolated) webhook contact to a real receiver. The node must stay up, the bad
/// checks must be `fail` naming the cause, the normal check must still flip and notify, and
/// no helper may be left a zombie while the node runs, or alive after it stops.
@Suite("plugin isolation in a running node")
struct PluginIsolationNodeTests {
    static let crashes = [("cabort", "abort", "was killed by signal 6 (SIGABRT)"),
                          ("csegv", "segv", "was killed by signal 11 (SIGSEGV)"),
                          ("cexit", "exit", "exited with status 0")]

    @Test("crashing plugins fail their checks and get paused; the node stays up and a normal check flips and notifies through an isolated webhook",
          .timeLimit(.minutes(4)))
    func crashingModules() async throws {
        let dir = try TempDirectory()
        try FileManager.default.copyItem(atPath: TestPaths.plugin("webhook"), toPath: dir.file("libbearmon-webhook.so"))
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        for (prefix, _, _) in Self.crashes {
            try await PluginBuilder.fixture("lib\(prefix).so", in: dir, defines: ["FIXTURE_PREFIX=\"\(prefix)\""])
        }
        try await PluginBuilder.fixture("libcsleep.so", in: dir, defines: ["FIXTURE_PREFIX=\"csleep\"", "FIXTURE_ENTRY_SLEEP=60"])
        let receiver = try await FixtureHTTPServer.recorder()
        defer { receiver.stop() }

        let path = dir.file("bearmon.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try store.migrate()
        let contact = try store.addContact(type: "webhook", data: receiver.url("/record"))
        var bad: [String: Int64] = [:]
        for (prefix, mode, _) in Self.crashes {
            bad[prefix] = try store.addCheck(NewCheck(name: prefix, type: prefix, data: #"{"mode":"\#(mode)"}"#, interval: 1, delay: 0))
        }
        let sleeper = try store.addCheck(NewCheck(name: "sleeper", type: "csleep", data: #"{"mode":"online"}"#, interval: 1, delay: 0))
        let canary = try store.addCheck(NewCheck(name: "canary", type: "fixture", data: #"{"mode":"offline","message":"canary down"}"#, interval: 1, delay: 0))
        _ = try store.addAlert(checkID: canary, contactID: contact, type: .both)
        let config = try dir.write("bearmon.cfg", "[plugins]\nisolate = webhook, cabort, csegv, cexit, csleep\n")

        let node = try await offPool {
            try NodeProcess(["standalone", "--plugins", dir.path, "--db", "sqlite:\(path)", "--config", config], log: dir.file("node.log"))
        }
        defer { node.process.stop() }

        let notified = try await offPool {
            waitUntil(timeout: 90) {
                WebhookNotes(receiver).fields.contains { ($0["check_id"] as? NSNumber)?.int64Value == canary && $0["status"] as? String == "offline" }
            }
        }
        #expect(notified, "the canary's offline notification never arrived; log: \(node.process.log.suffix(3000))")

        let messages: @Sendable (Int64) -> [(String, String)] = { id in
            ((try? store.database.query("SELECT status, message FROM check_results WHERE check_id = ? ORDER BY id", [.int(id)])) ?? [])
                .map { ($0.string(0), $0.string(1)) }
        }
        for (prefix, _, cause) in Self.crashes {
            let id = bad[prefix]!
            let failed = try await offPool {
                waitUntil(timeout: 90) { messages(id).contains { $0.0 == "fail" && $0.1.contains("module \(prefix) died: it \(cause)") } }
            }
            #expect(failed, "\(prefix): \(messages(id).suffix(5))")
            #expect(messages(id).allSatisfy { $0.0 == "fail" }, "\(prefix): \(messages(id).suffix(5))")
            // Five crashes in five minutes pause the module, with a message that says what to do.
            let paused = try await offPool {
                waitUntil(timeout: 90) { messages(id).contains { $0.1.contains("module \(prefix) is paused after 5 crashes") && $0.1.contains("SIGHUP") } }
            }
            #expect(paused, "\(prefix): \(messages(id).suffix(5))")
        }
        // A module whose entry point never returns registers no types: the helper is killed
        // at the entry timeout, the file is refused, and its checks are skipped as
        // misconfigured with an admin notice, as for any refused module; they never run.
        #expect(node.process.log.contains("its entry point did not return within 5 s"), "\(node.process.log.prefix(3000))")
        #expect(node.process.log.contains("check \(sleeper) (sleeper) is misconfigured: unknown check type 'csleep'"))
        #expect(messages(sleeper).isEmpty)
        #expect(node.process.log.contains("restarted the plugin host for module"))

        #expect(node.process.isRunning)
        #expect((try? node.get("/healthz").0) == 200)
        // Every dead helper was reaped: none of the node's children is a zombie for long.
        let reaped = try await offPool { waitUntil(timeout: 10) { Self.children(of: node.process.pid).allSatisfy { $0.state != "Z" } } }
        #expect(reaped, "\(Self.children(of: node.process.pid))")

        let left = Self.children(of: node.process.pid).map(\.pid)
        #expect(!left.isEmpty, "the webhook's helper runs")
        node.process.stop()
        let gone = try await offPool { waitUntil(timeout: 15) { left.allSatisfy { !Self.isLiveChild($0) } } }
        #expect(gone, "helpers left after the node stopped: \(left.filter { Self.isLiveChild($0) })")
    }

    /// The node's child processes, from /proc: pid and state letter.
    static func children(of parent: pid_t) -> [(pid: pid_t, state: String)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> (pid_t, String)? in
            guard let pid = pid_t(name), let fields = stat(pid), fields.ppid == parent else { return nil }
            return (pid, fields.state)
        }
    }

    /// A process that still exists and is not a zombie left to init (PID 1 reaps orphans;
    /// whether it has yet is not the node's doing).
    static func isLiveChild(_ pid: pid_t) -> Bool {
        guard let fields = stat(pid) else { return false }
        return fields.state != "Z"
    }

    private static func stat(_ pid: pid_t) -> (state: String, ppid: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let rest = text[text.index(after: close)...].split(separator: " ")
        guard rest.count > 2, let ppid = pid_t(rest[1]) else { return nil }
        return (String(rest[0]), ppid)
    }
}
