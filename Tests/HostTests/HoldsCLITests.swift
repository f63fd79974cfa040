import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore
@testable import BearmonCLI

/// `bearmon maintenance add|list|rm` and `bearmon silence add|list|rm`, through the binary,
/// with `--db` (the creator is the local user) and with `--api` against a running standalone
/// node (the creator is the token's name): same rows, same refusals, one line each.
@Suite("maintenance and silence commands")
struct HoldsCLITests {
    let dir: TempDirectory

    init() async throws {
        dir = try TempDirectory("bearmon-holds-cli")
        try await PluginBuilder.fixture("libfixture.so", in: dir)
    }

    /// A new SQLite database with check 1 (tag db) and a contact, so a standalone node plants no examples.
    private func database(_ name: String) throws -> (db: String, store: SQLStore) {
        let path = dir.file(name + ".sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try store.migrate()
        try store.applyCatalog([.addCheck(key: "c", NewCheck(name: "seed", type: "fixture", data: #"{"mode":"online"}"#, interval: 3600, delay: 0), tags: ["db"], isPublic: false)])
        _ = try store.addContact(type: "fixture", data: "seed@example.org")
        return ("sqlite:" + path, store)
    }

    private func bearmon(_ arguments: [String], token: String = "") async throws -> CommandResult {
        try await Command.run(TestPaths.bearmon, arguments, timeout: 60, environment: ["BEARMON_TOKEN": token])
    }

    /// The steps both ways, and what each must print (stdout or stderr), with status 0 or 1.
    static let steps: [([String], Int32, String)] = [
        (["maintenance", "add", "--tag", "db", "--cron", "0 2 * * 0", "--duration", "2h", "--time-zone", "Europe/Berlin", "--name", "nightly", "--comment", "backups"],
         0, "added maintenance window 1 (tag db, 0 2 * * 0 for 2h in Europe/Berlin)\n"),
        (["maintenance", "add", "--check", "1", "--start", "2099-12-01T02:00:00+01:00", "--end", "2099-12-01T04:00:00+01:00"],
         0, "added maintenance window 2 (check 1, 2099-12-01T01:00:00Z to 2099-12-01T03:00:00Z)\n"),
        (["maintenance", "add", "--all", "--cron", "*/5 * * * *", "--duration", "1m"], 0, "added maintenance window 3 (all checks, */5 * * * * for 1m in UTC)\n"),
        (["maintenance", "add", "--cron", "0 2 * * 0", "--duration", "2h"], 64, "give one of --check ID, --tag TAG and --all"),
        (["maintenance", "add", "--all", "--start", "2099-12-01T02:00:00Z"], 64, "a one-off window needs both --start and --end"),
        (["maintenance", "add", "--all", "--cron", "0 2 * * 0", "--duration", "2h", "--time-zone", "Mars/Base"], 1, "unknown time zone 'Mars/Base'"),
        (["maintenance", "add", "--all", "--cron", "0 0 30 2 *", "--duration", "2h"], 1, "has no occurrence in the 366 days"),
        (["maintenance", "add", "--all", "--cron", String(repeating: "1 ", count: 5_000), "--duration", "2h"], 1, "cron expression is 10000 bytes long"),
        (["maintenance", "add", "--tag", "nosuch", "--cron", "0 2 * * 0", "--duration", "2h"], 1, "tag 'nosuch' is on no check"),
        (["maintenance", "add", "--check", "7", "--cron", "0 2 * * 0", "--duration", "2h"], 1, "check 7 does not exist"),
        (["maintenance", "add", "--all", "--start", "2099-12-01T04:00:00Z", "--end", "2099-12-01T02:00:00Z"], 1, "before or when it starts"),
        (["maintenance", "add", "--all", "--cron", "0 3 * * 0", "--duration", "1h", "--name", "nightly"], 1, "the maintenance name \"nightly\" is taken by maintenance 1"),
        (["maintenance", "list"], 0, "0 2 * * 0 for 2h in Europe/Berlin"),
        (["maintenance", "rm", "3"], 0, "removed maintenance window 3\n"),
        (["maintenance", "rm", "3"], 1, "maintenance 3 does not exist"),
        (["silence", "add", "--check", "1", "--for", "2h", "--comment", "deploying"], 0, "added silence 1 (check 1 until "),
        (["silence", "add", "--tag", "db", "--comment", "x"], 64, "give one of --for DURATION and --until TIME"),
        (["silence", "add", "--tag", "db", "--for", "91d"], 1, "at most 90d (90 days) is allowed"),
        (["silence", "add", "--tag", "db", "--until", "2001-01-01T00:00:00Z"], 1, "is past"),
        (["silence", "add", "--check", "1", "--for=-5m"], 1, "is not a positive duration"),
        (["silence", "list"], 0, "deploying"),
        (["silence", "rm", "1"], 0, "ended silence 1\n"),
        (["silence", "rm", "9"], 1, "silence 9 does not exist"),
    ]

    @Test("add, list and rm with --db and with --api: same rows and refusals; the creator is the local user or the token's name")
    func bothWays() async throws {
        let local = try database("local")
        let remote = try database("remote")
        let node = try await offPool { try NodeProcess(["standalone", "--db", remote.db, "--plugins", dir.path], log: dir.file("node.log")) }
        let token = TokenSecret.generate()
        _ = try remote.store.addToken(name: "ops-bot", scope: .write, sha256: TokenSecret.sha256Hex(token), now: 1_700_000_000_000)
        for (step, status, words) in Self.steps {
            let viaDB = try await bearmon(step + ["--db", local.db, "--plugins", dir.path])
            let viaAPI = try await bearmon(step + ["--api", "http://\(node.address)"], token: token)
            for (way, run) in [("--db", viaDB), ("--api", viaAPI)] {
                #expect(run.status == status, "\(way) \(step.prefix(6)): \(run.status) \(run.stdout)\(run.stderr.prefix(400))")
                #expect((run.stdout + run.stderr).contains(words), "\(way) \(step.prefix(6)): \(run.stdout)\(run.stderr.prefix(400))")
                #expect(run.stderr.split(separator: "\n").count <= 1 || status == 64, "\(way) \(step.prefix(6)): \(run.stderr.prefix(400))")
            }
            if status != 64 { #expect(viaAPI.stderr == viaDB.stderr, "\(step.prefix(6))") }
        }
        for store in [local.store, remote.store] {
            #expect(try store.maintenances().map(\.id) == [1, 2])
            #expect(try store.silences().map { $0.endedAt != nil } == [true])
        }
        #expect(try local.store.maintenances().allSatisfy { $0.createdBy.hasPrefix("local:") })
        #expect(try remote.store.maintenances().allSatisfy { $0.createdBy == "ops-bot" } && remote.store.silences().first?.createdBy == "ops-bot")
        let ended = try await bearmon(["silence", "list", "--all", "--api", "http://\(node.address)"], token: token)
        #expect(ended.stdout.contains("ops-bot") && ended.stdout.contains("ended "), "\(ended.stdout)")
        #expect(try await bearmon(["silence", "list", "--api", "http://\(node.address)"], token: token).stdout.split(separator: "\n").count == 1)
        let json = try await bearmon(["maintenance", "list", "--json", "--db", local.db, "--plugins", dir.path])
        let windows = try CatalogJSON.decoder.decode([MaintenanceResource].self, from: Data(json.stdout.utf8))
        #expect(windows.map(\.name) == ["nightly", nil] && windows[0].nextStart != nil)
        // A read token may list but not add.
        let reader = TokenSecret.generate()
        _ = try remote.store.addToken(name: "reader", scope: .read, sha256: TokenSecret.sha256Hex(reader), now: 1_700_000_000_000)
        let refused = try await bearmon(["silence", "add", "--check", "1", "--for", "1h", "--api", "http://\(node.address)"], token: reader)
        #expect(refused.status == 1 && refused.stderr.contains("needs a write token"), "\(refused.stderr)")
        #expect(!node.process.log.contains(token))
    }

    @Test("bytes that are not UTF-8 in an argument: no crash, and nothing but UTF-8 stored")
    func nonUTF8Arguments() async throws {
        let local = try database("bytes")
        // The shell passes the raw bytes 0xff 0xfe; Swift reads argv with them replaced.
        let script = #"exec "$0" silence add --check 1 --for 1h --comment "$(printf 'a\377\376b')" --db "$1" --plugins "$2""#
        let run = try await Command.run("/bin/sh", ["-c", script, TestPaths.bearmon, local.db, dir.path], timeout: 60)
        #expect(run.status == 0 || run.stderr.contains("comment"), "\(run.status) \(run.stdout)\(run.stderr)")
        let zone = try await Command.run("/bin/sh", ["-c", #"exec "$0" maintenance add --all --cron "0 2 * * *" --duration 1h --time-zone "$(printf 'Europe/\377')" --db "$1" --plugins "$2""#,
                                                     TestPaths.bearmon, local.db, dir.path], timeout: 60)
        #expect(zone.status == 1 && zone.stderr.contains("unknown time zone"), "\(zone.stderr)")
        for silence in try local.store.silences() {
            #expect(silence.comment.utf8.allSatisfy { $0 != 0xff && $0 != 0xfe }, "\(silence.comment)")
        }
        #expect(try local.store.maintenances().isEmpty)
    }
}
