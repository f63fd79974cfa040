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

/// A private MariaDB server for tests: `mariadb-install-db` into a temp dir, then `mariadbd`
/// as root on a unix socket and a loopback port, with a password user for TCP logins.
final class MariaDBServer: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// One server shared by the tests that need no restarts; each test uses its own database.
    static let shared: MariaDBServer = {
        do { return try MariaDBServer() } catch { fatalError("cannot start MariaDB for tests: \(error)") }
    }()

    static let user = "bearmon"
    static let password = "s3cret-Test-pw"

    let directory: TempDirectory
    let port: UInt16
    /// The network namespace it runs in (one the test made), or nil for the host's loopback.
    let namespace: String?
    /// The address it listens on.
    let bindAddress: String
    /// More mariadbd options, such as `--ssl-cert` for a test of TLS.
    let extraArguments: [String]
    private var child: BackgroundProcess?
    private let lock = NSLock()

    var socket: String { directory.file("mysqld.sock") }

    init(namespace: String? = nil, bindAddress: String = "127.0.0.1", extraArguments: [String] = []) throws {
        directory = try TempDirectory("bearmon-mariadb")
        self.extraArguments = extraArguments
        port = namespace == nil ? try refusedPort() : 3306
        self.namespace = namespace
        self.bindAddress = bindAddress
        // A private tmpdir: with the shared /tmp, parallel installs failed now and then to
        // delete their own '#sql-temptable-*' files.
        try FileManager.default.createDirectory(atPath: directory.file("tmp"), withIntermediateDirectories: true)
        let install = try Command.runBlocking("/usr/bin/mariadb-install-db", [
            "--no-defaults", "--datadir=\(directory.file("data"))", "--tmpdir=\(directory.file("tmp"))", "--user=root",
            "--auth-root-authentication-method=normal", "--skip-test-db",
        ], timeout: 120)
        guard install.status == 0 else { throw Failure(description: "mariadb-install-db failed: \(install.stderr)") }
        try start()
        try sql("""
            CREATE USER '\(Self.user)'@'\(namespace == nil ? "127.0.0.1" : "%")' IDENTIFIED BY '\(Self.password)';
            CREATE USER '\(Self.user)'@'localhost' IDENTIFIED BY '\(Self.password)';
            GRANT ALL ON *.* TO '\(Self.user)'@'\(namespace == nil ? "127.0.0.1" : "%")';
            GRANT ALL ON *.* TO '\(Self.user)'@'localhost';
            """)
    }

    /// Starts mariadbd and waits until it answers.
    func start() throws {
        lock.lock()
        defer { lock.unlock() }
        let server = [
            "/usr/sbin/mariadbd", "--no-defaults", "--datadir=\(directory.file("data"))", "--tmpdir=\(directory.file("tmp"))", "--socket=\(socket)", "--port=\(port)",
            "--bind-address=\(bindAddress)", "--user=root", "--skip-log-bin", "--innodb-buffer-pool-size=32M",
            "--pid-file=\(directory.file("mysqld.pid"))", "--skip-name-resolve",
        ] + extraArguments
        let command = namespace.map { ["/usr/sbin/ip", "netns", "exec", $0] + server } ?? server
        child = try BackgroundProcess(command[0], Array(command.dropFirst()), log: directory.file("mysqld.log"), removeOnExit: directory.path)
        let ready = waitUntil(timeout: 60) {
            (try? Command.runBlocking("/usr/bin/mariadb-admin", ["--no-defaults", "-S", socket, "-uroot", "ping"], timeout: 10).status) == 0
        }
        guard ready else { throw Failure(description: "mariadbd did not start: \(child?.log ?? "")") }
    }

    /// Kills the server without warning (as a crash would) and starts it again.
    func crashAndRestart() throws {
        lock.lock()
        child?.stop(signal: SIGKILL)
        child = nil
        lock.unlock()
        try start()
    }

    /// Runs SQL as root through the mariadb client; returns its tab-separated output.
    @discardableResult
    func sql(_ statements: String, database: String? = nil) throws -> String {
        var arguments = ["--no-defaults", "-S", socket, "-uroot", "-N", "-B", "-e", statements]
        if let database { arguments.append(database) }
        let result = try Command.runBlocking("/usr/bin/mariadb", arguments, timeout: 60)
        guard result.status == 0 else { throw Failure(description: "mariadb: \(result.stderr)") }
        return result.stdout
    }

    /// A new, empty database with a unique name.
    func createDatabase(_ prefix: String = "t") throws -> String {
        let name = "\(prefix)_\(UInt32.random(in: 0..<UInt32.max))"
        try sql("CREATE DATABASE \(name)")
        return name
    }

    /// A TCP DSN with the password user, in gobearmon's form.
    func dsn(_ database: String) -> String { "\(Self.user):\(Self.password)@tcp(\(bindAddress):\(port))/\(database)" }

    /// A TCP DSN for a new user granted only SELECT, INSERT, UPDATE and DELETE on `database`:
    /// the least privilege README asks for.
    func leastPrivilegeDSN(_ database: String) throws -> String {
        let user = "lp_\(UInt32.random(in: 0..<UInt32.max))"
        try sql("""
            CREATE USER '\(user)'@'\(bindAddress)' IDENTIFIED BY '\(Self.password)';
            GRANT SELECT, INSERT, UPDATE, DELETE ON \(database).* TO '\(user)'@'\(bindAddress)';
            """)
        return "\(user):\(Self.password)@tcp(\(bindAddress):\(port))/\(database)"
    }

    /// A unix-socket DSN, in gobearmon's form.
    func socketDSN(_ database: String) -> String { "\(Self.user):\(Self.password)@unix(\(socket))/\(database)" }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        child?.stop()
        child = nil
    }

    deinit { stop() }
}
