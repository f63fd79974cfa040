import BearmonSystem
import Foundation
import Glibc
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// A real bearmon cluster on loopback for tests: MariaDB (a fresh database on the shared
/// test server), one viewserver and N workers, each a `bearmon FILE` process started from a
/// gobearmon-format config file, with plugins from the build plus the C fixture.
final class Cluster: @unchecked Sendable {
    struct NotReady: Error, CustomStringConvertible { let description: String }

    static let password = "test-cluster-secret"

    let dir: TempDirectory
    let plugins: String
    let dsn: String
    let store: SQLStore
    let viewPort: UInt16
    let workerPorts: [UInt16]
    private(set) var viewserver: BackgroundProcess?
    private(set) var workers: [BackgroundProcess?]

    /// Writes the configs and the database; `workerConfig` adds lines per worker (1-based).
    init(workers count: Int = 3, confirmations: Int = 2, tls: Bool = false, workerConfig: (Int) -> String = { _ in "" }, viewserverConfig: String = "") async throws {
        dir = try TempDirectory("bearmon-cluster")
        // One self-signed certificate (for 127.0.0.1) that every node serves and trusts.
        let tlsLines: String
        if tls {
            let identity = try TestCertificates.make("bearmon-node", .days(30), in: dir)
            tlsLines = "cert = \(identity.certificate)\nkey = \(identity.key)\nca = \(identity.certificate)\n"
        } else {
            tlsLines = ""
        }
        plugins = dir.file("plugins")
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        for name in ["tcp", "http", "dns", "webhook"] {
            try FileManager.default.copyItem(atPath: TestPaths.plugin(name), toPath: "\(plugins)/libbearmon-\(name).so")
        }
        try await PluginBuilder.build(source: TestPaths.fixture("plugins/fixture.c"), output: "\(plugins)/libfixture.so")
        let server = MariaDBServer.shared
        let name = try server.createDatabase("cluster")
        dsn = server.dsn(name)
        store = try StoreLocation.parse(dsn).open(logger: quietLogger)
        try store.migrate()
        viewPort = try refusedPort()
        workerPorts = try (0..<count).map { _ in try refusedPort() }
        workers = Array(repeating: nil, count: count)
        try dir.write("viewserver.cfg", """
            [default]
            password = \(Self.password)
            node = viewserver
            \(tlsLines)
            [viewserver]
            addr = 127.0.0.1:\(viewPort)
            \(workerPorts.map { "controller = 127.0.0.1:\($0)" }.joined(separator: "\n"))
            \(viewserverConfig)
            """)
        for (index, port) in workerPorts.enumerated() {
            try dir.write("worker\(index + 1).cfg", """
                [default]
                password = \(Self.password)
                node = w\(index + 1)
                \(tlsLines)
                [controller]
                addr = 127.0.0.1:\(port)
                database = \(dsn)
                confirmations = \(confirmations)
                [worker]
                viewAddr = 127.0.0.1:\(viewPort)
                numThreads = 8
                [plugins]
                dir = \(plugins)
                \(workerConfig(index + 1))
                """)
        }
    }

    /// Starts the viewserver and every worker (with `environment`: test hooks), and waits until
    /// the cluster reports a controller and all workers.
    func start(timeout: Double = 60, environment: [String: String] = [:]) throws {
        try startViewserver()
        for index in workers.indices { try startWorker(index + 1, environment: environment) }
        guard waitUntil(timeout: timeout, { (try? self.status())?.workers.filter(\.alive).count == self.workers.count }) else {
            throw NotReady(description: "the cluster did not come up:\n" + logs)
        }
    }

    func startViewserver() throws {
        viewserver = try BackgroundProcess(TestPaths.bearmon, [dir.file("viewserver.cfg")], log: dir.file("viewserver.log"))
    }

    func startWorker(_ number: Int, environment: [String: String] = [:]) throws {
        workers[number - 1] = try BackgroundProcess(TestPaths.bearmon(for: environment), [dir.file("worker\(number).cfg")], log: dir.file("worker\(number).log"), environment: environment)
    }

    /// The 1-based number of the worker whose candidate is the active controller, per the
    /// cluster's status, asked through worker `via`'s config.
    func controllerNumber(via: Int = 1) -> Int? {
        guard let address = try? status(via: via).controller else { return nil }
        return workerPorts.firstIndex { "127.0.0.1:\($0)" == address }.map { $0 + 1 }
    }

    /// Polls the cluster's status until `condition` holds or `timeout` passes; the last
    /// status read, if any.
    func awaitStatus(timeout: Double, _ condition: (StatusReport) -> Bool) -> StatusReport? {
        var report: StatusReport?
        _ = waitUntil(timeout: timeout) {
            report = try? status()
            return report.map(condition) ?? false
        }
        return report
    }

    /// Whether new check results reach the store within `timeout` from now: monitoring goes on.
    func resultsKeepComing(timeout: Double = 30) throws -> Bool {
        let count = { try self.store.database.query("SELECT COUNT(*) FROM check_results").first?.int(0) ?? 0 }
        let before = try count()
        return waitUntil(timeout: timeout) { ((try? count()) ?? 0) > before }
    }

    /// Kills worker `number` without warning.
    func crashWorker(_ number: Int) {
        workers[number - 1]?.stop(signal: SIGKILL, timeout: 5)
    }

    /// Waits until a worker other than `old` is the controller; returns its number.
    func awaitNewController(replacing old: Int, timeout: Double = 60) -> Int? {
        var found: Int?
        let others = Array(1...workers.count).filter { $0 != old }
        _ = waitUntil(timeout: timeout) {
            found = controllerNumber(via: others[0])
            return found != nil && found != old
        }
        return found == old ? nil : found
    }

    /// The cluster's status as `bearmon status --config` reports it.
    func status(via: Int = 1) throws -> StatusReport {
        let result = try Command.runBlocking(TestPaths.bearmon, ["status", "--json", "--config", dir.file("worker\(via).cfg")], timeout: 30)
        guard result.status == 0 else { throw NotReady(description: result.stderr) }
        return try WireJSON.decoder.decode(StatusReport.self, from: Data(result.stdout.utf8))
    }

    /// Every node's log, for failure messages.
    var logs: String {
        (["viewserver"] + workers.indices.map { "worker\($0 + 1)" }).map { name in
            "== \(name)\n" + ((try? String(contentsOfFile: dir.file("\(name).log"), encoding: .utf8)) ?? "")
        }.joined(separator: "\n")
    }

    /// One node's log.
    func log(_ name: String) -> String { (try? String(contentsOfFile: dir.file("\(name).log"), encoding: .utf8)) ?? "" }

    func stop() {
        workers.forEach { $0?.stop() }
        viewserver?.stop()
    }

    deinit { stop() }
}
