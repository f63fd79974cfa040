import BearmonSystem
import Foundation
import Glibc
@testable import BearmonCore
@testable import BearmonStore

/// A standalone node on SQLite for the notification ledger's end-to-end tests: http checks
/// against switchable targets of one fixture server, which also records webhooks and plays
/// Twilio, and a restart on the same database after a kill -9. The test writes windows and
/// silences straight into the database, as the controller reads them on every pass.
final class LedgerNode: @unchecked Sendable {
    let dir: TempDirectory
    let db: String
    let store: SQLStore
    /// /switch/NAME targets, the /record webhook receiver and the Twilio stand-in.
    let fixture: FixtureHTTPServer
    private let arguments: [String]
    private let environment: [String: String]
    private let lock = NSLock()
    private var running: NodeProcess?
    private var starts = 0
    /// Targets that have a server of their own, kept alive with the node.
    private var ownServers: [FixtureHTTPServer] = []

    /// A node whose config file is `config` plus nothing else, run with `environment` (test
    /// hooks pick `bearmon-testnode`).
    init(config: String = "", environment: [String: String] = [:]) async throws {
        dir = try TempDirectory("bearmon-ledger")
        db = dir.file("node.sqlite")
        store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let dir = self.dir
        try FileManager.default.createDirectory(atPath: dir.file("state"), withIntermediateDirectories: false)
        fixture = try await offPool { try FixtureHTTPServer(record: dir.file("requests.jsonl"), state: dir.file("state")) }
        let configPath = try dir.write("node.cfg", config)
        arguments = ["standalone", "--db", "sqlite:\(db)", "--config", configPath]
        self.environment = environment
    }

    /// Adds an http check of `/switch/NAME` run every second that flips on its first differing
    /// result, with `tags`.
    func addCheck(_ name: String, tags: [String] = []) throws -> Int64 {
        let id = try store.addCheck(NewCheck(name: name, type: "http", data: #"{"url":"\#(fixture.url("/switch/\(name)"))","expect_status":200}"#,
                                             interval: 1, delay: 0))
        for tag in tags { try store.database.execute("INSERT INTO check_tags (check_id, tag) VALUES (?, ?)", [.int(id), .text(tag)]) }
        return id
    }

    /// Like ``addCheck(_:tags:)``, but the target `/switch/NAME` is served by a loopback
    /// server of its own (switched through the same state directory), as a host behind a
    /// router would be.
    func addCheckOnOwnServer(_ name: String) async throws -> Int64 {
        let state = dir.file("state")
        let server = try await offPool { try FixtureHTTPServer(state: state) }
        lock.withLock { ownServers.append(server) }
        return try store.addCheck(NewCheck(name: name, type: "http", data: #"{"url":"\#(server.url("/switch/\(name)"))","expect_status":200}"#,
                                           interval: 1, delay: 0))
    }

    /// Makes `children` depend on `parent`.
    func depend(_ children: [Int64], on parent: Int64) throws {
        try store.applyCatalog(children.map { .setDependencies(check: .id($0), parents: [.id(parent)]) }, quiet: true)
    }

    /// A webhook contact posting to the fixture's /record.
    func addWebhook() throws -> Int64 { try store.addContact(type: "webhook", data: fixture.url("/record")) }

    /// Alerts `contact` of every flip of `check`.
    func alert(_ check: Int64, _ contact: Int64) throws { _ = try store.addAlert(checkID: check, contactID: contact, type: .both) }

    /// Makes target `name` answer 200 (up) or 503 (down).
    func set(_ name: String, up: Bool) throws { try dir.write("state/\(name)", up ? "up" : "down") }

    /// Starts the node (again, on the same database), with `hooks` added to its environment.
    func start(hooks: [String: String] = [:]) throws {
        let run = lock.withLock { () -> Int in starts += 1; return starts }
        let node = try NodeProcess(arguments, log: dir.file("node\(run).log"), environment: environment.merging(hooks) { $1 })
        lock.withLock { running = node }
    }

    /// The running node's address (`127.0.0.1:PORT`), nil before the first start.
    var address: String? { lock.withLock { running }?.address }

    /// Kills the node with SIGKILL, as a crash would.
    func crash() { lock.withLock { running }?.crash() }

    /// Kills the node with SIGKILL once no row is pending; false if one still is after
    /// `timeout`. A kill between a delivery and its record makes the next node send that row
    /// again once its claim's lease ends (at least once, with the same event id: FailoverTests
    /// and StandaloneTests cover it); these tests are about what is held.
    func crashWhenIdle(timeout: Double = 30) -> Bool {
        let idle = waitUntil(timeout: timeout) { !outbox().contains { $0.state == .pending } }
        crash()
        return idle
    }

    /// Stops the node gracefully.
    func stop() { lock.withLock { running }?.process.stop() }

    /// The check's stored status.
    func status(_ check: Int64) -> String? { (try? store.checkRow(check))?.status }

    /// Waits until every check in `checks` has a stored status of `status`.
    func awaitStatus(_ checks: [Int64], _ status: CheckStatus, timeout: Double = 30) -> Bool {
        waitUntil(timeout: timeout) { checks.allSatisfy { self.status($0) == status.rawValue } }
    }

    /// Waits until the node has run every check at least once.
    func awaitFirstResults(_ checks: [Int64], timeout: Double = 30) -> Bool {
        waitUntil(timeout: timeout) {
            checks.allSatisfy { check in
                ((try? self.store.database.query("SELECT COUNT(*) FROM check_results WHERE check_id = ?", [.int(check)]).first?.int(0)) ?? 0) > 0
            }
        }
    }

    /// Every outbox row, oldest first.
    func outbox() -> [OutboxEntry] { (try? store.outbox(states: Set(OutboxState.allCases))) ?? [] }

    /// Waits until no row is pending any more and nothing new arrives at `receivedCount` for
    /// `quiet` seconds: the deliveries have settled.
    func awaitSettled(quiet: Double = 2, timeout: Double = 30, receivedCount: @escaping () -> Int) -> Bool {
        var last = -1
        var since = Deadline.now()
        return waitUntil(timeout: timeout) {
            let count = receivedCount()
            if count != last { last = count; since = Deadline.now() }
            let open = outbox().contains { $0.state == .pending }
            return !open && Deadline.now().milliseconds(since: since) >= quiet * 1000
        }
    }

    /// The webhook notifications received, oldest first.
    var notes: [ReceivedNote] {
        fixture.recorded.compactMap { request in
            guard (request["path"] as? String)?.hasPrefix("/record") == true, let body = request["body"] as? String,
                  let fields = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
            var note = ReceivedNote(checkID: (fields["check_id"] as? NSNumber)?.int64Value ?? 0, status: fields["status"] as? String ?? "?",
                                    kind: fields["kind"] as? String ?? "?", eventID: fields["event_id"] as? String ?? "")
            note.path = request["path"] as? String ?? ""
            return note
        }
    }

    /// The Twilio requests received, oldest first.
    var twilioRequests: [[String: Any]] {
        fixture.recorded.filter { ($0["path"] as? String)?.hasPrefix("/2010-04-01/") == true }
    }

    /// Every run's log, for failure messages.
    var logs: String {
        (1...max(1, lock.withLock { starts })).map { "== node\($0).log\n" + ((try? String(contentsOfFile: dir.file("node\($0).log"), encoding: .utf8)) ?? "") }
            .joined(separator: "\n").suffix(12_000).description
    }

    deinit { stop() }
}

/// One notification as a receiver got it.
struct ReceivedNote: Equatable, CustomStringConvertible {
    let checkID: Int64
    let status: String
    let kind: String
    let eventID: String
    /// The receiver's path, which tells contacts apart (`/record/NAME`).
    var path = ""

    var description: String { "check \(checkID) \(status) (\(kind)) \(eventID)" }

    /// The path does not count: tests compare what was said, and to whom they filter by path.
    static func == (lhs: ReceivedNote, rhs: ReceivedNote) -> Bool {
        (lhs.checkID, lhs.status, lhs.kind, lhs.eventID) == (rhs.checkID, rhs.status, rhs.kind, rhs.eventID)
    }
}
