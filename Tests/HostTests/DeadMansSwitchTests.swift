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

/// The built-in `healthcheck` check type: validated by `bearmon checks add`, listed as
/// built-in, and, on a real standalone node, a dead man's switch whose alerts reach a real
/// webhook receiver.
@Suite("healthcheck check type")
struct DeadMansSwitchTests {
    @Test("checks add validates healthcheck data; plugins lists the type as built-in")
    func validation() async throws {
        let dir = try TempDirectory()
        let db = "sqlite:\(dir.file("v.sqlite"))"
        func add(_ data: String) async throws -> CommandResult {
            try await Command.bearmon(["checks", "add", "--db", db, "--name", "switch", "--type", "healthcheck", "--data", data, "--interval", "10"])
        }
        let missing = try await add(#"{"id":"app.alive"}"#)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("parameter 'max_age': is required"), "\(missing.stderr)")
        let zero = try await add(#"{"id":"app.alive","max_age":30,"min_ok":0}"#)
        #expect(zero.stderr.contains("parameter 'min_ok': must be at least 1, got 0"), "\(zero.stderr)")
        let typo = try await add(#"{"id":"app.alive","max_age":30,"minok":2}"#)
        #expect(typo.stderr.contains("did you mean 'min_ok'"), "\(typo.stderr)")
        let added = try await add(#"{"id":"bearmon.node.alive","service":"bearmon","max_age":30,"min_ok":3}"#)
        #expect(added.status == 0, "\(added.stderr)")

        let listing = try await Command.bearmon(["plugins", "--json"])
        let checks = (try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])?["checks"] as? [String: Any]
        let type = try #require(checks?["healthcheck"] as? [String: Any])
        #expect(type["module"] as? String == "built-in")
        #expect((type["params"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["id", "service", "max_age", "min_ok"])
        let run = try await Command.bearmon(["check", "healthcheck", "--data", #"{"id":"x","max_age":5}"#])
        #expect(run.status == 3)
        #expect(run.stdout.contains("evaluated by the controller"), "\(run.stdout)")
    }

    @Test("a dead man's switch: pushes stop and an offline alert arrives; pushes resume and an online alert follows")
    func deadMansSwitch() async throws {
        let dir = try TempDirectory()
        let receiver = try await FixtureHTTPServer.recorder()
        let db = dir.file("switch.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let added = try await Command.bearmon(["checks", "add", "--db", "sqlite:\(db)", "--name", "nightly job", "--type", "healthcheck",
                                               "--data", #"{"id":"job.alive","service":"jobs","max_age":2}"#, "--interval", "1", "--delay", "1"])
        #expect(added.status == 0, "\(added.stderr)")
        let contact = try store.addContact(type: "webhook", data: receiver.url("/record"))
        _ = try store.addAlert(checkID: 1, contactID: contact, type: .both)
        // The job has been pushing before bearmon starts, so the switch starts armed.
        try store.savePush(try PushIntake(settings: PushSettings(), receivedAt: wallMilliseconds())
            .row(.healthCheck, body: Array(MonitorMessages.healthCheck("job.alive", node: "job-1", service: "jobs").utf8)))

        let (quietWhilePushing, offline, online) = try await offPool {
            let node = try NodeProcess(["standalone", "--db", "sqlite:\(db)"], log: dir.file("node.log"))
            let push = { _ = try? node.post("/v1/healthchecks", MonitorMessages.healthCheck("job.alive", node: "job-1", service: "jobs")) }
            // Pushing every half second for three evaluations: nothing is said.
            _ = waitUntil(timeout: 3) { push(); usleep(500_000); return false }
            let quiet = receiver.recorded.isEmpty
            let offline = waitUntil(timeout: 30) { receiver.recorded.count == 1 }
            let online = waitUntil(timeout: 30) { push(); usleep(300_000); return receiver.recorded.count == 2 }
            _ = waitUntil(timeout: 2) { push(); usleep(300_000); return false }
            node.crash()
            return (quiet, offline, online)
        }
        #expect(quietWhilePushing)
        #expect(offline && online, "\(receiver.recorded)")
        let notes = WebhookNotes(receiver)
        #expect(notes.statuses == ["offline", "online"])
        #expect(Set(notes.eventIDs).count == 2)
        #expect(notes.fields.first?["name"] as? String == "nightly job")
        #expect((notes.fields.first?["message"] as? String)?.hasPrefix("0 of min_ok 1 node(s) pushed job.alive OK within 2s; job-1: last push") == true,
                "\(notes.fields.first ?? [:])")
        #expect((notes.fields.last?["message"] as? String)?.hasPrefix("1 of min_ok 1 node(s) pushed job.alive OK") == true)
        #expect(try store.database.query("SELECT type FROM check_events ORDER BY id").map { $0.string(0) } == ["offline", "online"])
    }
}
