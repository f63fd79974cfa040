import BearmonSystem
import Foundation
import Glibc
import Testing
@testable import BearmonConfig
@testable import BearmonPlugins
@testable import BearmonStore
@testable import BearmonCLI

@Suite("errors keep their cause")
struct ErrorCauseTests {
    private let lostConnection = MySQLError(function: "mysql_real_connect", code: 2003, sqlState: "HY000", message: "Can't connect to MySQL server on '127.0.0.1' (111)")

    @Test("an unreachable MySQL keeps the driver's error, stays transient and reads as before")
    func unreachableKeepsMySQLError() {
        let error = StoreError.unreachable(location: "mysql:u@tcp(127.0.0.1:1)/x", attempts: 3, cause: lostConnection)
        #expect(StoreFailure.isTransient(error))
        #expect((error.underlying as? MySQLError)?.code == 2003)
        #expect(error.description == "cannot reach MySQL at mysql:u@tcp(127.0.0.1:1)/x after 3 attempts: \(lostConnection)")
    }

    @Test("StoreError equality: same case and words; a different cause or case differs")
    func equality() {
        let other = MySQLError(function: "mysql_real_connect", code: 2005, sqlState: "HY000", message: "Unknown MySQL server host")
        #expect(StoreError.unreachable(location: "l", attempts: 1, cause: lostConnection) == .unreachable(location: "l", attempts: 1, cause: lostConnection))
        #expect(StoreError.unreachable(location: "l", attempts: 1, cause: lostConnection) != .unreachable(location: "l", attempts: 1, cause: other))
        #expect(StoreError.notFound("check 1") != .invalid("check 1 does not exist"))
        #expect(StoreError.invalid("x") == .invalid("x"))
    }

    @Test("an SQLite file that cannot be opened keeps SQLite's error and is not worth retrying")
    func sqliteCannotOpen() throws {
        let dir = try TempDirectory()
        let path = dir.path + "/no/such/dir/b.sqlite"
        let error = #expect(throws: StoreError.self) { try SQLiteDatabase(path: path) }
        guard case .cannotOpen(let failed, let cause)? = error else { Issue.record("expected cannotOpen, got \(String(describing: error))"); return }
        #expect(failed == path)
        #expect(cause is SQLiteError)
        #expect(error?.description == "cannot open SQLite database \(path): \(cause)")
        #expect(!StoreFailure.isTransient(error!))
    }

    @Test("a failed migration keeps the database's error as its cause")
    func schemaBehindKeepsCause() {
        let error = StoreError.schemaBehind(found: 1, needed: 2, cause: SQLiteError(function: "sqlite3_exec", code: 8, message: "attempt to write a readonly database"))
        #expect((error.underlying as? SQLiteError)?.code == 8)
        #expect(error.description.contains("upgrading it failed (sqlite3_exec: [8] attempt to write a readonly database)"))
    }

    @Test("CLIFailure prints the cause's words after the context and keeps the cause")
    func cliFailure() {
        let parse = Result { try HostPort(parsing: "", defaultPort: 8888) }
        guard case .failure(let hostPortError) = parse else { Issue.record("an empty address parsed"); return }
        let failure = CLIFailure("--addr", cause: hostPortError)
        #expect(failure.description == "--addr: \(hostPortError)")
        #expect(failure.underlying is HostPortError)
        let store = CLIFailure(cause: StoreError.notFound("check 9"))
        #expect(store.description == "check 9 does not exist")
        #expect((store.underlying as? StoreError) == .notFound("check 9"))
        #expect(CLIFailure("plain").underlying == nil)
    }

    @Test("CLIFailure words a Foundation error by its localized description, not an NSError dump")
    func cliFailureFoundationError() {
        let error = URLError(.cannotConnectToHost)
        let failure = CLIFailure("cannot reach the node at 127.0.0.1:1", cause: error)
        #expect(failure.description == "cannot reach the node at 127.0.0.1:1: \(error.localizedDescription)")
        #expect(failure.underlying is URLError)
    }

    @Test("a plugin path that cannot be stat'ed is refused with the system error kept")
    func loadRefusalKeepsSystemError() throws {
        let dir = try TempDirectory()
        let path = dir.path + "/missing.so"
        let refusal = #expect(throws: LoadRefusal.self) { try PluginPermissions.check(path, isDirectory: false) }
        #expect((refusal?.cause as? SystemError)?.errno == ENOENT)
        #expect(refusal?.reason == "cannot stat the file: \(SystemError(function: "stat", errno: ENOENT))")
    }

    @Test("config errors keep what they were made from: an address that does not parse, a file that cannot be read")
    func configErrorKeepsCause() throws {
        let config = try GcfgParser(file: "n.cfg").parse("[default]\npassword = s\n[controller]\naddr = [::1\n")
        let error = #expect(throws: ConfigError.self) { try NodeConfig(config) }
        #expect(error?.cause is HostPortError)
        #expect(error?.line == 4)
        let missing = #expect(throws: ConfigError.self) { try GcfgParser.load(path: "/nonexistent/bearmon.cfg") }
        #expect(missing?.reason == "no such file")
        #expect(missing?.cause != nil)
    }
}
