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

/// `bearmon.alerting`, `/healthz` and the admin e-mail while a decided flip is held back
/// (the flip-delay test hook), in a real standalone node with a real SMTP server.
@Suite("alerting watches itself")
struct AlertingSelfCheckTests {
    @Test("a flip held back past [alerting] maxFlipWait turns bearmon.alerting ERROR, /healthz 503 and e-mails the admin; all OK again once it is written")
    func heldFlip() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        try FileManager.default.copyItem(atPath: TestPaths.plugin("email"), toPath: dir.file("libbearmon-email.so"))
        let smtp = try await offPool { try FixtureSMTPServer(.init(identity: nil, auth: false)) }
        defer { smtp.stop() }
        let config = try dir.write("bearmon.cfg", """
            [smtp]
            host = 127.0.0.1
            port = \(smtp.port)
            from = bearmon <noreply@bearmon.test>
            admin = admin@bearmon.test
            [alerting]
            maxFlipWait = 1s
            """)
        let db = dir.file("a.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let check = try store.addCheck(NewCheck(name: "down", type: "fixture", data: #"{"mode":"offline","message":"refused"}"#, interval: 1, delay: 0))

        @Sendable func alertingPush() -> (status: Int64, body: String)? {
            (try? store.database.query("SELECT status, body FROM push_healthchecks WHERE healthcheck_id = 'bearmon.alerting'"))?.first
                .map { ($0.int(0), $0.string(1)) }
        }
        let node = try await offPool {
            try NodeProcess(["standalone", "--db", "sqlite:\(db)", "--plugins", dir.path, "--config", config], log: dir.file("node.log"),
                            environment: ["BEARMON_TEST_DELAY_FLIP_MS": "8000"])
        }
        defer { node.process.stop() }
        let (sawError, healthz, admin, recovered) = try await offPool {
            let sawError = waitUntil(timeout: 30) { alertingPush()?.status == Int64(MonitorHealthCheck.error) }
            let healthz = try node.get("/healthz")
            let admin = waitUntil(timeout: 30) { smtp.messages.contains { ($0["body"] as? String ?? "").contains("check \(check)") } }
            let recovered = waitUntil(timeout: 30) {
                alertingPush()?.status == Int64(MonitorHealthCheck.ok) && (try? node.get("/healthz").0) == 200
            }
            return (sawError, healthz, admin, recovered)
        }
        #expect(sawError, "bearmon.alerting never turned ERROR: \(String(describing: alertingPush())); log: \(node.process.log.suffix(2000))")
        #expect(healthz.0 == 503)
        let reason = String(decoding: healthz.1, as: UTF8.self)
        #expect(reason.contains("check \(check) (down)") && reason.contains("to be written"), "\(reason)")
        #expect(admin, "no admin e-mail: \(smtp.messages)")
        #expect(recovered, "alerting did not recover: \(String(describing: alertingPush()))")
        #expect(try store.database.query("SELECT COUNT(*) FROM check_flips WHERE check_id = ?", [.int(check)]).first?.int(0) == 1)
    }
}
