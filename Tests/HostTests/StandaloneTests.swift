import BearmonSystem
import Foundation
import Glibc
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

/// `bearmon standalone` as a real process, on SQLite, with the fixture plugins.
@Suite("standalone node")
struct StandaloneTests {
    let dir: TempDirectory
    let db: String
    let store: SQLStore

    init() async throws {
        dir = try TempDirectory()
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        db = dir.file("standalone.sqlite")
        store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
    }

    private func start(_ extra: [String] = [], environment: [String: String] = [:], log: String = "node.log") throws -> NodeProcess {
        try NodeProcess(["standalone", "--db", "sqlite:\(db)", "--plugins", dir.path] + extra, log: dir.file(log), environment: environment)
    }

    /// Adds `check` with an alert (both ways) to a fixture contact that records each delivery
    /// as a line of the returned file.
    private func addAlerted(_ check: NewCheck) throws -> (check: Int64, deliveries: String) {
        let deliveries = dir.file("deliveries")
        let id = try store.addCheck(check)
        let contact = try store.addContact(type: "fixture", data: "record:\(deliveries)")
        _ = try store.addAlert(checkID: id, contactID: contact, type: .both)
        return (id, deliveries)
    }

    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test("a process killed after a flip's transaction but before sending sends it after a restart, once")
    func crashBeforeSending() async throws {
        let (check, deliveries) = try addAlerted(NewCheck(name: "down", type: "fixture", data: #"{"mode":"offline","message":"refused"}"#, interval: 1, delay: 0))

        try await offPool {
            let held = try start(environment: ["BEARMON_TEST_HOLD_OUTBOX": "1"], log: "held.log")
            #expect(waitUntil(timeout: 60) { ((try? store.outbox(states: [.pending])) ?? []).count == 1 })
            held.crash()
        }
        #expect(lines(deliveries).isEmpty)
        let pending = try #require(try store.outbox(states: [.pending]).first)
        #expect(try store.checkRow(check)?.status == "offline")

        try await offPool {
            let node = try start(log: "restarted.log")
            #expect(waitUntil(timeout: 60) { !lines(deliveries).isEmpty })
            Thread.sleep(forTimeInterval: 2)
            node.process.stop()
        }
        #expect(lines(deliveries) == ["\(pending.eventID) offline \(check)"])
        #expect(try store.outbox(states: [.delivered]).map(\.eventID) == [pending.eventID])
        #expect(try store.database.query("SELECT COUNT(*) FROM check_events").first?.int(0) == 1)
    }

    @Test("the shipped binary has no test hooks: BEARMON_TEST_HOLD_OUTBOX in its environment changes nothing")
    func noHooksInProduction() async throws {
        let deliveries = dir.file("deliveries")
        let check = try store.addCheck(NewCheck(name: "down", type: "fixture", data: #"{"mode":"offline","message":"refused"}"#, interval: 1, delay: 0))
        let contact = try store.addContact(type: "fixture", data: "record:\(deliveries)")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        let delivered = try await offPool {
            let node = try NodeProcess(["standalone", "--db", "sqlite:\(db)", "--plugins", dir.path], log: dir.file("prod.log"),
                                       environment: ["BEARMON_TEST_HOLD_OUTBOX": "1", "BEARMON_TEST_DELAY_FLIP_MS": "60000"],
                                       executable: TestPaths.bearmon)
            defer { node.process.stop() }
            return waitUntil(timeout: 30) { !lines(deliveries).isEmpty }
        }
        #expect(delivered)
    }

    @Test("SIGTERM stops it gracefully while a check is in flight, keeping the outbox")
    func gracefulStop() async throws {
        _ = try store.addCheck(NewCheck(name: "slow", type: "fixture", data: #"{"mode":"hang","seconds":30}"#, interval: 1, delay: 0))
        try await offPool {
            let node = try start()
            #expect(waitUntil(timeout: 30) { (try? node.status().checks.first?.lockedBy) != nil })
            let started = Deadline.now()
            kill(node.process.pid, SIGTERM)
            #expect(node.process.waitForExit(timeout: 20))
            #expect(node.process.exitCode == 0, "\(node.process.log)")
            #expect(Deadline.now().milliseconds(since: started) < 20_000)
        }
    }

    @Test("checks added with the CLI reach the running controller within seconds")
    func liveEdits() async throws {
        try await offPool {
            let node = try start()
            let added = try Command.runBlocking(TestPaths.bearmon, ["checks", "add", "--db", "sqlite:\(db)", "--plugins", dir.path, "--name", "late",
                                             "--type", "fixture", "--data", #"{"mode":"online","message":"fine"}"#, "--interval", "1"])
            #expect(added.status == 0, "\(added.stderr)")
            let seen = waitUntil(timeout: 15) { (try? node.status().checks.first { $0.name == "late" }?.lastResult?.message) == "fine" }
            #expect(seen)
            let report = try node.status()
            #expect(report.source == "live")
            #expect(report.workers.map(\.node) == ["standalone"])
            #expect(report.counts["online"] == 1)
        }
    }

    @Test("a status reset with SQL reaches the running controller, is logged, and notifies nobody")
    func sqlStatusReset() async throws {
        // Always online, and a delay long enough that the reset is not flipped back during the test.
        let (check, deliveries) = try addAlerted(NewCheck(name: "steady", type: "fixture", data: #"{"mode":"online","message":"fine"}"#, interval: 1, delay: 60))
        try await offPool {
            let node = try start()
            #expect(waitUntil(timeout: 20) { (try? node.status().checks.first?.lastResult?.status) == "online" })
            try store.database.execute("UPDATE checks SET status = 'offline' WHERE id = ?", [.int(check)])
            let adopted = waitUntil(timeout: 15) { (try? node.status().checks.first?.status) == "offline" }
            #expect(adopted, "\(node.process.log.suffix(3000))")
            #expect(node.process.log.contains("check \(check) (steady) was set to offline in the database; adopted, its rounds start over"))
            // Results keep disagreeing, but the reset stands: a flip needs 61 rounds.
            Thread.sleep(forTimeInterval: 2)
            #expect((try? node.status().checks.first?.status) == "offline")
            node.process.stop()
        }
        #expect(try store.checkRow(check)?.status == "offline")
        #expect(try store.outbox(states: [.pending, .delivered]).isEmpty)
        #expect(lines(deliveries).isEmpty)
    }

    @Test("a fresh database gets an example that runs and flips at once, notified through a log contact")
    func seededExample() async throws {
        let fresh = dir.file("fresh.sqlite")
        try await offPool {
            let node = try NodeProcess(["standalone", "--db", "sqlite:\(fresh)"], log: dir.file("fresh.log"))
            let flipped = waitUntil(timeout: 60) { (try? node.status().checks.first { $0.name == "nothing listens here" }?.status) == "offline" }
            #expect(flipped, "\(node.process.terminationDescription ?? "running"): \(node.process.log.suffix(4000))")
            let report = try node.status()
            #expect(report.checks.map(\.name) == ["bearmon itself", "nothing listens here"])
            #expect(report.checks.first?.status == "online")
            #expect(waitUntil(timeout: 10) { node.process.log.contains("[standalone example] check 2 (nothing listens here) is now offline") })
            let cli = try Command.runBlocking(TestPaths.bearmon, ["status", "--addr", node.address])
            #expect(cli.stdout.contains("nothing listens here"))
            #expect(cli.stdout.contains("undelivered notifications (0):"))
        }
    }
}

/// The standalone node end to end, with the built plugins: a real HTTP target that goes down
/// and comes back, and a real webhook receiver.
@Suite("standalone end to end")
struct StandaloneEndToEndTests {
    @Test("the target goes down: exactly one offline notification, with an event_id; it comes back: exactly one online")
    func outageAndRecovery() async throws {
        let dir = try TempDirectory()
        let state = try TempDirectory("bearmon-switch")
        let target = try await offPool { try FixtureHTTPServer(state: state.path) }
        let receiver = try await FixtureHTTPServer.recorder()
        let db = dir.file("e2e.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let check = try store.addCheck(NewCheck(name: "web", type: "http", data: #"{"url":"\#(target.url("/switch/web"))","expect_status":200}"#, interval: 1, delay: 1))
        let contact = try store.addContact(type: "webhook", data: receiver.url("/record"))
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        let (offline, online) = try await offPool {
            let node = try NodeProcess(["standalone", "--db", "sqlite:\(db)"], log: dir.file("node.log"))
            _ = waitUntil(timeout: 20) { (try? node.status().checks.first?.lastResult?.status) == "online" }
            try state.write("web", "down")
            let offline = waitUntil(timeout: 60) { receiver.recorded.count == 1 }
            try state.write("web", "up")
            let online = waitUntil(timeout: 60) { receiver.recorded.count == 2 }
            _ = waitUntil(timeout: 3) { false }
            node.process.stop()
            return (offline, online)
        }
        #expect(offline && online)
        let notes = WebhookNotes(receiver)
        #expect(notes.statuses == ["offline", "online"])
        #expect(notes.eventIDs.allSatisfy { $0.count == 36 })
        #expect(Set(notes.eventIDs).count == 2)
        #expect(notes.fields.first?["name"] as? String == "web")
        #expect(try store.database.query("SELECT type FROM check_events ORDER BY id").map { $0.string(0) } == ["offline", "online"])
    }
}
