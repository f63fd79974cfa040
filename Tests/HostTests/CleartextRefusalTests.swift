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

/// Check definitions can hold passwords, so a controller sends them to a worker that is not
/// on loopback only over TLS, or when `insecure = true` says so explicitly.
@Suite("secrets stay off the wire in clear", .serialized)
struct CleartextRefusalTests {
    static let password = "cleartext-test-secret"

    @Test("without TLS and without insecure, a controller refuses assignments to a non-loopback worker, and says why")
    func refusesCleartext() async throws {
        let star = try await offPool { try NetworkNamespaceStar(hosts: ["vs": 10, "w1": 11]) }
        defer { star.remove() }
        let dir = try TempDirectory("bearmon-cleartext")
        let db = dir.file("w1.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        _ = try store.addCheck(NewCheck(name: "secret", type: "fixture_noop", data: "{}", interval: 1, delay: 0))
        try FileManager.default.createDirectory(atPath: dir.file("plugins"), withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        try await PluginBuilder.fixture("libfixture.so", in: dir, defines: [])
        try FileManager.default.moveItem(atPath: dir.file("libfixture.so"), toPath: dir.file("plugins/libfixture.so"))
        let vs = "\(star.addresses["vs"]!):8000", w1 = "\(star.addresses["w1"]!):8000"
        try dir.write("vs.cfg", "[default]\npassword = \(Self.password)\n[viewserver]\naddr = \(vs)\ncontroller = \(w1)\n")
        try dir.write("w1.cfg", """
            [default]
            password = \(Self.password)
            node = w1
            [controller]
            addr = \(w1)
            confirmations = 1
            [store]
            sqlite = \(db)
            [worker]
            viewAddr = \(vs)
            [plugins]
            dir = \(dir.file("plugins"))
            """)
        let log = dir.file("w1.log")
        let (refused, results) = try await offPool { () -> (Bool, Int64) in
            let viewserver = try BackgroundProcess(star.command(in: "vs", [TestPaths.bearmon, dir.file("vs.cfg")])[0],
                                                   Array(star.command(in: "vs", [TestPaths.bearmon, dir.file("vs.cfg")]).dropFirst()),
                                                   log: dir.file("vs.log"))
            let command = star.command(in: "w1", [TestPaths.bearmon, dir.file("w1.cfg")])
            let worker = try BackgroundProcess(command[0], Array(command.dropFirst()), log: log)
            defer { [worker, viewserver].forEach { $0.stop() } }
            let refused = waitUntil(timeout: 30) {
                ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("refused to send check definitions")
            }
            _ = waitUntil(timeout: 3) { false }
            let results = (try? store.database.query("SELECT COUNT(*) FROM check_results").first?.int(0)) ?? -1
            return (refused, results)
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(refused, "\(text)")
        #expect(text.contains("set [default] cert and key, or insecure = true"))
        #expect(results == 0)
    }
}
