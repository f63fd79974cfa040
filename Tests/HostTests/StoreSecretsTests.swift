import Foundation
import Glibc
import Testing
@testable import BearmonCLI
@testable import BearmonConfig
@testable import BearmonStore

/// Issue 18, "Secrets leak", the store's part: the SQLite file is private whatever the umask,
/// the MySQL password need not be in argv, and the DSN takes go-sql-driver's parameters,
/// TLS among them.
@Suite("store secrets")
struct StoreSecretsTests {
    private func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    @Test("a node started with umask 000 creates the SQLite file, its WAL and SHM 0600, and keeps running; a world-readable file is narrowed")
    func sqliteModes() async throws {
        let dir = try TempDirectory()
        let db = dir.file("fresh.sqlite")
        let node = try await offPool {
            try NodeProcess(["-c", "umask 000; exec \"$0\" \"$@\"", TestPaths.bearmon, "standalone", "--db", "sqlite:\(db)", "--plugins", dir.path],
                            log: dir.file("node.log"), executable: "/bin/sh")
        }
        defer { node.process.stop() }
        let files = [db, db + "-wal", db + "-shm"]
        let created = try await offPool { waitUntil(timeout: 30) { files.allSatisfy { FileManager.default.fileExists(atPath: $0) } } }
        #expect(created, "\(files.filter { !FileManager.default.fileExists(atPath: $0) }) missing")
        for file in files { #expect(mode(file) == 0o600, "\(file): \(String(mode(file) ?? 0, radix: 8))") }
        #expect(try node.status().source == "live", "the node serves")

        let old = dir.file("old.sqlite")
        _ = try SQLiteDatabase(path: old)
        chmod(old, 0o644)
        _ = try SQLiteDatabase(path: old)
        #expect(mode(old) == 0o600)
    }

    @Test("the MySQL password comes from [store] passwordFile or BEARMON_DB_PASSWORD, never from argv; a password file others may read is refused, naming it")
    func passwordOutsideTheDSN() async throws {
        let server = MariaDBServer.shared
        let dir = try TempDirectory()
        let name = try server.createDatabase("pw")
        let dsn = "\(MariaDBServer.user)@tcp(127.0.0.1:\(server.port))/\(name)"
        let passwordFile = dir.file("db.password")
        try (MariaDBServer.password + "\n").write(toFile: passwordFile, atomically: false, encoding: .utf8)
        chmod(passwordFile, 0o600)
        let withFile = dir.file("file.cfg")
        try "[controller]\ndatabase = \(dsn)\n[store]\npasswordFile = \(passwordFile)\n".write(toFile: withFile, atomically: false, encoding: .utf8)
        let viaFile = try await Command.bearmon(["db", "init", "--config", withFile])
        #expect(viaFile.status == 0, "\(viaFile.stderr)")

        chmod(passwordFile, 0o644)
        let readable = try await Command.bearmon(["db", "init", "--config", withFile])
        #expect(readable.status != 0)
        #expect(readable.stderr.contains(passwordFile) && readable.stderr.contains("chmod 600"), "\(readable.stderr)")
        #expect(!readable.stderr.contains(MariaDBServer.password))
        let missing = dir.file("missing.cfg")
        try "[controller]\ndatabase = \(dsn)\n[store]\npasswordFile = \(dir.file("nope"))\n".write(toFile: missing, atomically: false, encoding: .utf8)
        let unreadable = try await Command.bearmon(["db", "init", "--config", missing])
        #expect(unreadable.status != 0 && unreadable.stderr.contains(dir.file("nope")), "\(unreadable.stderr)")

        let withoutPassword = dir.file("env.cfg")
        try "[controller]\ndatabase = \(dsn)\n".write(toFile: withoutPassword, atomically: false, encoding: .utf8)
        let denied = try await offPool { try Command.runBlocking(TestPaths.bearmon, ["checks", "list", "--config", withoutPassword], timeout: 60) }
        #expect(denied.status != 0, "without the variable the server refuses the login")
        let node = try await offPool {
            try NodeProcess(["standalone", "--config", withoutPassword, "--plugins", dir.path], log: dir.file("node.log"),
                            environment: ["BEARMON_DB_PASSWORD": MariaDBServer.password])
        }
        defer { node.process.stop() }
        #expect(try node.status().source == "live")
        let argv = try String(contentsOfFile: "/proc/\(node.process.pid)/cmdline", encoding: .utf8)
        #expect(!argv.contains(MariaDBServer.password), "argv: \(argv)")
        #expect(!node.process.log.contains(MariaDBServer.password))
    }

    @Test("a password given in --db is overwritten in the node's argv, so ps does not show it; the node still uses it")
    func passwordInArgv() async throws {
        let server = MariaDBServer.shared
        let dir = try TempDirectory()
        let name = try server.createDatabase("argv")
        let dsn = "\(MariaDBServer.user):\(MariaDBServer.password)@tcp(127.0.0.1:\(server.port))/\(name)"
        let node = try await offPool { try NodeProcess(["standalone", "--db=mysql:" + dsn, "--plugins", dir.path], log: dir.file("node.log")) }
        defer { node.process.stop() }
        #expect(try node.status().source == "live", "the node connected with the password")
        let argv = try String(contentsOfFile: "/proc/\(node.process.pid)/cmdline", encoding: .utf8)
        #expect(!argv.contains(MariaDBServer.password), "argv: \(argv)")
        #expect(argv.contains("\(MariaDBServer.user):" + String(repeating: "x", count: MariaDBServer.password.utf8.count) + "@tcp("), "argv: \(argv)")
        #expect(ArgvPasswords.passwordRange(in: Array("u:p@ss@tcp(h:1)/d".utf8)) == 2..<6)
        #expect(ArgvPasswords.passwordRange(in: Array("--db=mysql:u:pw@unix(/s)/d".utf8)) == 13..<15)
        #expect(ArgvPasswords.passwordRange(in: Array("sqlite:/a:b@c/d".utf8)) == nil)
        #expect(ArgvPasswords.passwordRange(in: Array("u@tcp(h:1)/d".utf8)) == nil)
        #expect(ArgvPasswords.passwordRange(in: Array("--name".utf8)) == nil)
    }

    @Test("go-sql-driver's DSN parameters are accepted; an unknown one is refused, naming it", arguments: [
        "tls=true", "tls=false", "tls=skip-verify", "tls=preferred", "timeout=5s", "readTimeout=500ms", "writeTimeout=2m", "timeout=1m30s", "timeout=7",
        "parseTime=true", "charset=utf8mb4,utf8", "collation=utf8mb4_general_ci", "loc=Local", "allowNativePasswords=true",
        "clientFoundRows=false", "columnsWithAlias=false", "interpolateParams=true", "maxAllowedPacket=0", "multiStatements=false",
        "rejectReadOnly=true", "serverPubKey=k", "allowCleartextPasswords=false", "allowOldPasswords=false", "checkConnLiveness=true",
        "connectionAttributes=a:b", "allowAllFiles=false", "allowFallbackToPlaintext=false", "timeTruncate=1s",
    ])
    func knownParameters(parameter: String) throws {
        _ = try MySQLDSN(parsing: "u:p@tcp(127.0.0.1:3306)/db?\(parameter)")
    }

    @Test("timeouts read as Go durations, in whole seconds of at least 1")
    func durations() {
        for (text, seconds) in [("5s", 5), ("500ms", 1), ("1m30s", 90), ("2h", 7200), ("7", 7), ("1.5s", 2), ("10us", 1)] as [(String, UInt32)] {
            #expect(MySQLDSN.seconds(text) == seconds, "\(text)")
        }
        for text in ["", "s", "5x", "-1s", "9999999999h", "1m30", "5 s"] { #expect(MySQLDSN.seconds(text) == nil, "\(text)") }
    }

    @Test("an unknown DSN parameter, a bad tls value or a bad duration is refused, naming it, without the password")
    func refusedParameters() {
        for (query, named) in [("autocommit=1", "'autocommit'"), ("tls=custom", "tls=custom"), ("timeout=soon", "timeout=soon"),
                               ("Timeout=5s", "'Timeout'"), ("parseTime=maybe", "parseTime=maybe"), ("charset=latin1", "charset=latin1")] {
            let error = #expect(throws: StoreError.self) { try MySQLDSN(parsing: "u:hunter2@tcp(127.0.0.1:3306)/db?tls=false&\(query)") }
            #expect(error?.description.contains(named) == true, "\(query): \(error?.description ?? "")")
            #expect(error?.description.contains("hunter2") == false)
        }
    }

    /// The session's TLS cipher ("" for none) on a connection made with `tls`.
    private static func cipher(_ server: MariaDBServer, _ database: String, _ tls: String) throws -> String {
        let dsn = try MySQLDSN(parsing: server.dsn(database) + "?tls=\(tls)&timeout=5s")
        let db = MySQLDatabase(dsns: [dsn], reconnectWindow: 1, logger: quietLogger)
        return try db.query("SHOW SESSION STATUS LIKE 'Ssl_cipher'").first?.string(1) ?? ""
    }

    @Test("tls=skip-verify and preferred encrypt against a TLS server; tls=true refuses its self-signed certificate; a server without TLS is refused for skip-verify and used plain for preferred")
    func tlsModes() async throws {
        let dir = try TempDirectory()
        let identity = try TestCertificates.make("mariadb", .days(30), in: dir)
        let tlsServer = try await offPool {
            try MariaDBServer(extraArguments: ["--ssl-cert=\(identity.certificate)", "--ssl-key=\(identity.key)"])
        }
        defer { tlsServer.stop() }
        let name = try tlsServer.createDatabase("tls")
        try await offPool {
            #expect(try !Self.cipher(tlsServer, name, "skip-verify").isEmpty)
            #expect(try !Self.cipher(tlsServer, name, "preferred").isEmpty)
            #expect(try Self.cipher(tlsServer, name, "false").isEmpty)
            let unverified = #expect(throws: (any Error).self, "tls=true verifies the certificate, which no trusted CA signed") { try Self.cipher(tlsServer, name, "true") }
            let words = "\(unverified.map { "\($0)" } ?? "")"
            #expect(words.contains("certificate") || words.contains("SSL") || words.contains("TLS"), "\(words)")
            print("tls=true against a self-signed server: \(words)")

            let shared = MariaDBServer.shared
            let plain = try shared.createDatabase("plain")
            let refusal = #expect(throws: (any Error).self) { try Self.cipher(shared, plain, "skip-verify") }
            #expect("\(refusal.map { "\($0)" } ?? "")".contains("did not agree to TLS"), "\(String(describing: refusal))")
            #expect(try Self.cipher(shared, plain, "preferred").isEmpty)
        }
    }
}
