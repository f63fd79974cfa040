import BearmonSystem
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

/// Results no target should send, through a real standalone node, on each store: every one
/// must end in a written flip and a delivered notification within seconds, and a check that
/// flips after them (the canary) must be written and notified too. Before, one message longer
/// than its column wedged the single flip writer, and nothing flipped again.
@Suite("hostile results never silence alerting")
struct HostileResultTests {
    enum Database: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite, mariadb, mariadbLatin1
        var testDescription: String { rawValue }
    }

    /// 3,000 combining acute accents on one letter: one Swift `Character`, 3,001 code points.
    static let combiningBanner = "A" + String(repeating: "\u{0301}", count: 3_000)
    /// A reply that is not UTF-8 at all.
    static let rawBanner: [UInt8] = [0x50, 0xff, 0xfe, 0x4f, 0xff]
    /// One TXT record of about 60 KiB (235 strings of 255 bytes): its answer comes over TCP.
    static let hugeTXT = "huge IN TXT " + (0..<235).map { "\"\(String(format: "%03d", $0))" + String(repeating: "x", count: 252) + "\"" }.joined(separator: " ")

    @Test("a 60 KiB TXT answer, 3,000 combining marks, non-UTF-8 bytes, a 5,000-character name and a 1 MiB plugin message each flip and notify; a canary after them too",
          arguments: Database.allCases)
    func badInputsThenCanary(database: Database) async throws {
        let dir = try TempDirectory()
        for name in ["tcp", "dns", "webhook"] {
            try FileManager.default.copyItem(atPath: TestPaths.plugin(name), toPath: dir.file("libbearmon-\(name).so"))
        }
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        let nsd = try await offPool { try NSDServer(extraRecords: Self.hugeTXT) }
        defer { nsd.stop() }
        let combining = try LoopbackServer(behaviour: .banner(Self.combiningBanner))
        defer { combining.stop() }
        let raw = try LoopbackServer(behaviour: .rawBanner(Self.rawBanner))
        defer { raw.stop() }
        let receiver = try await FixtureHTTPServer.recorder()
        defer { receiver.stop() }

        let (store, storeArguments) = try await offPool { try Self.makeStore(database, in: dir) }
        let contact = try store.addContact(type: "webhook", data: receiver.url("/record"))
        var bad: [Int64: String] = [:]
        func add(_ label: String, _ name: String, _ type: String, _ data: String) throws {
            let id = try store.addCheck(NewCheck(name: name, type: type, data: data, interval: 1, delay: 0))
            _ = try store.addAlert(checkID: id, contactID: contact, type: .both)
            bad[id] = label
        }
        try add("60 KiB TXT", "dns huge", "dns", #"{"server":"\#(nsd.address)","name":"huge.test","type":"TXT","expect":"not in it"}"#)
        try add("combining marks", "tcp combining", "tcp", #"{"address":"127.0.0.1:\#(combining.port)","expect":"PONG","timeout":5}"#)
        try add("non-UTF-8 bytes", "tcp bytes", "tcp", #"{"address":"127.0.0.1:\#(raw.port)","expect":"PONG","timeout":5}"#)
        try add("1 MiB message", "huge message", "fixture", #"{"mode":"huge","message":"huge: "}"#)
        let longName = String(repeating: "n", count: 4_990) + "-long"
        if database == .sqlite {
            // Straight into the table by SQL, as an operator might; bearmon's own CLI refuses it.
            try store.database.execute("PRAGMA ignore_check_constraints = ON")
            let id = try store.database.execute(
                "INSERT INTO checks (name, type, data, check_interval, delay) VALUES (?, 'fixture', ?, 1, 0)",
                [.text(longName), .text(#"{"mode":"offline","message":"long name"}"#)]
            ).lastInsertID
            try store.database.execute("PRAGMA ignore_check_constraints = OFF")
            _ = try store.addAlert(checkID: id, contactID: contact, type: .both)
            bad[id] = "5,000-character name"
        } else {
            // Strict MariaDB refuses the row itself, so it can never reach the controller.
            #expect(throws: (any Error).self) {
                try store.database.execute("INSERT INTO checks (name, type, data) VALUES (?, 'fixture', '{}')", [.text(longName)])
            }
        }

        let node = try await offPool {
            try NodeProcess(["standalone", "--plugins", dir.path] + storeArguments, log: dir.file("node.log"))
        }
        defer { node.process.stop() }
        let notified: @Sendable (Int64) -> Bool = { id in
            WebhookNotes(receiver).fields.contains { Self.checkID(in: $0) == id && $0["status"] as? String == "offline" }
        }
        let badIDs = bad
        let allBad = try await offPool { waitUntil(timeout: 90) { badIDs.keys.allSatisfy(notified) } }
        #expect(allBad, "not notified: \(bad.filter { !notified($0.key) }.values.sorted()); log: \(node.process.log.suffix(3000))")

        // The canary is decided after every bad flip, so a wedged writer would never write it.
        let canary = try store.addCheck(NewCheck(name: "canary", type: "fixture", data: #"{"mode":"offline","message":"canary down"}"#, interval: 1, delay: 0))
        _ = try store.addAlert(checkID: canary, contactID: contact, type: .both)
        let canaryHeard = try await offPool { waitUntil(timeout: 60) { notified(canary) } }
        #expect(canaryHeard, "canary not notified; log: \(node.process.log.suffix(3000))")

        // Every flip was written whole, its message fitted to the column in code points.
        let flips = try store.database.query("SELECT check_id, message, time FROM check_flips")
        for (id, label) in bad {
            let flip = try #require(flips.first { $0.int(0) == id }, "no flip written for \(label)")
            #expect(flip.string(1).unicodeScalars.count <= TextColumn.message.limit, "\(label)")
        }
        let notes = WebhookNotes(receiver)
        for note in notes.fields where Self.checkID(in: note) == bad.first(where: { $0.value == "non-UTF-8 bytes" })?.key {
            #expect((note["message"] as? String ?? "").contains("\u{FFFD}"), "invalid bytes arrive as U+FFFD: \(note)")
        }
        if let longNote = notes.fields.first(where: { ($0["name"] as? String ?? "").hasPrefix("nnnn") }) {
            #expect((longNote["name"] as? String ?? "").unicodeScalars.count <= TextColumn.checkName.limit)
        }
        #expect(!node.process.log.contains("cannot write flip yet"), "a flip had to wait: \(node.process.log.suffix(2000))")
        print(Self.latencies(database, bad.merging([canary: "canary"]) { $1 }, flips: try store.database.query("SELECT check_id, time FROM check_flips"),
                             received: receiver.recorded))
    }

    /// The store for `database`, and the node arguments that open it (a DSN goes in a config
    /// file, never in argv).
    private static func makeStore(_ database: Database, in dir: TempDirectory) throws -> (SQLStore, [String]) {
        switch database {
        case .sqlite:
            let path = dir.file("bearmon.sqlite")
            let store = SQLStore(database: try SQLiteDatabase(path: path))
            try store.migrate()
            return (store, ["--db", "sqlite:\(path)"])
        case .mariadb, .mariadbLatin1:
            let server = MariaDBServer.shared
            let name = try server.createDatabase()
            if database == .mariadbLatin1 {
                // A gobearmon database as gobearmon's own install.sql made it, in latin1;
                // `bearmon db init` then adds bearmon's tables (in utf8mb4).
                try server.sql("ALTER DATABASE \(name) CHARACTER SET latin1 COLLATE latin1_swedish_ci")
                let schema = try String(contentsOfFile: TestPaths.fixture("gobearmon/gobearmon-install.sql"), encoding: .utf8)
                _ = try server.sql(schema, database: name)
            }
            let store = try StoreLocation.parse(server.dsn(name)).open(logger: quietLogger)
            try store.migrate()
            let collations = try store.database.query(
                "SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('check_flips', 'alert_outbox', 'check_results')"
            ).map { $0.string(0) }
            #expect(collations.count == 3 && collations.allSatisfy { $0.hasPrefix("utf8mb4") }, "\(collations)")
            let config = try dir.write("bearmon.cfg", "[controller]\ndatabase = \(server.dsn(name))\n")
            chmod(config, 0o600)
            return (store, ["--config", config])
        }
    }

    /// One line per check: from the flip's decision to the receiver getting its notification.
    private static func latencies(_ database: Database, _ labels: [Int64: String], flips: [SQLRow], received: [[String: Any]]) -> String {
        var lines = ["flip to notification, \(database.rawValue):"]
        for (id, label) in labels.sorted(by: { $0.key < $1.key }) {
            guard let decided = flips.first(where: { $0.int(0) == id })?.int(1),
                  let heard = received.first(where: { Self.checkID(of: $0) == id })?["received"] as? Double else { continue }
            lines.append(String(format: "  %@: %.0f ms", label, heard * 1_000 - Double(decided)))
        }
        return lines.joined(separator: "\n")
    }

    private static func checkID(of request: [String: Any]) -> Int64? {
        guard let body = request["body"] as? String,
              let fields = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
        return checkID(in: fields)
    }

    /// A webhook's `check_id`, which arrives as a JSON number.
    private static func checkID(in fields: [String: Any]) -> Int64? {
        (fields["check_id"] as? NSNumber)?.int64Value ?? (fields["check_id"] as? String).flatMap(Int64.init)
    }
}
