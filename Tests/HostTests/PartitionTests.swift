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

/// A cluster whose nodes live in network namespaces of their own, joined through a bridge,
/// so that nftables can cut one node off from another.
@Suite("partition", .serialized)
struct PartitionTests {
    static let password = "partition-test-secret"

    @Test("cut the controller off from the viewserver: a new controller takes over, the old one's flip is refused by the fence, and the receiver only hears the new view")
    func controllerCutOffFromViewserver() async throws {
        let star = try await offPool { try NetworkNamespaceStar(hosts: ["db": 2, "vs": 10, "w1": 11, "w2": 12, "w3": 13]) }
        defer { star.remove() }
        let dir = try TempDirectory("bearmon-partition")
        let plugins = dir.file("plugins")
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        for name in ["http", "webhook"] {
            try FileManager.default.copyItem(atPath: TestPaths.plugin(name), toPath: "\(plugins)/libbearmon-\(name).so")
        }
        let db = try await offPool { try MariaDBServer(namespace: star.namespaces["db"]!, bindAddress: star.addresses["db"]!) }
        defer { db.stop() }
        let state = try TempDirectory("bearmon-switch")
        let dbHost = (star.namespaces["db"]!, star.addresses["db"]!)
        let target = try await offPool { try FixtureHTTPServer(state: state.path, namespace: dbHost) }
        let recordDir = try TempDirectory("bearmon-recorder")
        let receiver = try await offPool { try FixtureHTTPServer(record: recordDir.file("requests.jsonl"), namespace: dbHost) }
        let name = try db.createDatabase("partition")
        // The test itself reaches MariaDB through its unix socket: no traffic leaves the
        // host namespace for the test LAN.
        let store = try StoreLocation.parse(db.socketDSN(name)).open(logger: quietLogger)
        try store.migrate()
        let check = try store.addCheck(NewCheck(name: "web", type: "http", data: #"{"url":"\#(target.url("/switch/web"))","expect_status":200}"#, interval: 1, delay: 0))
        let contact = try store.addContact(type: "webhook", data: receiver.url("/record"))
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)

        let vsAddress = "\(star.addresses["vs"]!):8000"
        let workerAddresses = (1...3).map { "\(star.addresses["w\($0)"]!):8000" }
        try dir.write("vs.cfg", "[default]\npassword = \(Self.password)\nnode = vs\n[viewserver]\naddr = \(vsAddress)\n" + workerAddresses.map { "controller = \($0)\n" }.joined())
        for number in 1...3 {
            try dir.write("w\(number).cfg", """
                [default]
                password = \(Self.password)
                node = w\(number)
                insecure = true
                [controller]
                addr = \(workerAddresses[number - 1])
                database = \(db.dsn(name))
                confirmations = 1
                [worker]
                viewAddr = \(vsAddress)
                numThreads = 4
                [plugins]
                dir = \(plugins)
                """)
        }
        @Sendable func start(_ host: String, environment: [String: String] = [:]) throws -> BackgroundProcess {
            let command = star.command(in: host, [TestPaths.bearmon(for: environment), dir.file("\(host).cfg")])
            return try BackgroundProcess(command[0], Array(command.dropFirst()), log: dir.file("\(host).log"), environment: environment)
        }
        @Sendable func status() -> StatusReport? {
            let command = star.command(in: "w3", [TestPaths.bearmon, "status", "--json", "--config", dir.file("w3.cfg")])
            guard let result = try? Command.runBlocking(command[0], Array(command.dropFirst()), timeout: 20), result.status == 0 else { return nil }
            return try? WireJSON.decoder.decode(StatusReport.self, from: Data(result.stdout.utf8))
        }
        @Sendable func controller() -> String? { status()?.controller }
        @Sendable func log(_ host: String) -> String { (try? String(contentsOfFile: dir.file("\(host).log"), encoding: .utf8)) ?? "" }

        let (firstController, firstView, secondController, notified) = try await offPool { () -> (String?, Int64?, String?, Bool) in
            let vs = try start("vs")
            // w1 starts first, so it becomes the controller; its flips are held back 8 s,
            // long enough for the fence to move under them.
            let w1 = try start("w1", environment: ["BEARMON_TEST_DELAY_FLIP_MS": "8000"])
            _ = waitUntil(timeout: 30) { controller() == workerAddresses[0] }
            let w2 = try start("w2"), w3 = try start("w3")
            defer { [w1, w2, w3, vs].forEach { $0.stop() } }
            _ = waitUntil(timeout: 5) { false }
            var first: String?, firstView: Int64?
            _ = waitUntil(timeout: 30) {
                let report = status()
                first = report?.controller
                firstView = report?.view?.number
                return first != nil
            }
            // The outage begins; as soon as w1 has decided the flip (its write is held back),
            // it is cut off from the viewserver.
            try state.write("web", "down")
            _ = waitUntil(timeout: 30) { log("w1").contains("(web) is now offline") }
            try star.cut("w1", from: "vs")
            var second: String?
            _ = waitUntil(timeout: 30) {
                second = controller()
                return second != nil && second != first
            }
            let notified = waitUntil(timeout: 30) { !WebhookNotes(receiver).fields.isEmpty }
            // Give the old controller's held-back flip time to try, and fail.
            _ = waitUntil(timeout: 15) { log("w1").contains("refused by the fence") }
            return (first, firstView, second, notified)
        }
        #expect(firstController == workerAddresses[0])
        #expect(secondController != nil && secondController != workerAddresses[0])
        #expect(notified, "w1:\n\(log("w1"))\nw2:\n\(log("w2"))")
        let notes = WebhookNotes(receiver)
        #expect(notes.statuses == ["offline"])
        // The one flip, and the one notification, belong to a view after w1's.
        let oldView = try #require(firstView)
        let flips = try store.database.query("SELECT view FROM check_flips WHERE check_id = ?", [.int(check)]).map { $0.int(0) }
        #expect(flips.count == 1)
        #expect(flips.allSatisfy { $0 > oldView }, "flips under views \(flips), w1 held view \(oldView)")
        let eventView = try store.database.query("SELECT view FROM alert_outbox WHERE event_id = ?", [.text(notes.eventIDs.first ?? "")]).first?.int(0)
        #expect((eventView ?? 0) > oldView)
        #expect(log("w1").contains("refused by the fence"), "\(log("w1"))")
        #expect(try store.database.query("SELECT COUNT(*) FROM check_events").first?.int(0) == 1)
    }
}
