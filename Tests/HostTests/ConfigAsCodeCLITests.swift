import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// `bearmon apply` and `bearmon export` through the binary, on SQLite and MariaDB: what they
/// print, their exit status, and files that must change nothing.
@Suite("config as code commands")
struct ConfigAsCodeCLITests {
    let dir: TempDirectory

    init() throws { dir = try TempDirectory() }

    private func run(_ arguments: [String], db: String) async throws -> CommandResult {
        try await Command.bearmon(arguments + ["--db", db, "--plugins", TestPaths.products], timeout: 60)
    }

    private func database(_ backend: StoreBackend) throws -> (String, AnyObject) {
        switch backend {
        case .sqlite:
            return ("sqlite:" + dir.file("c.sqlite"), dir)
        case .mysql:
            let server = MariaDBServer.shared
            return (server.dsn(try server.createDatabase()), server)
        }
    }

    @Test("apply prints the plan, dry-run changes nothing, export applies back to no change, prune deletes", arguments: StoreBackend.allCases)
    func cycle(backend: StoreBackend) async throws {
        let (db, keep) = try database(backend)
        defer { withExtendedLifetime(keep) {} }
        let file = dir.file("bearmon.yaml")
        try ConfigAsCodeTests.file.write(toFile: file, atomically: true, encoding: .utf8)

        let dry = try await run(["apply", "-f", file, "--dry-run"], db: db)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("+ check web (http) every 30s"))
        #expect(dry.stdout.hasSuffix("dry run: 7 to add, 0 to change, 0 to delete; nothing was changed\n"), "\(dry.stdout)")
        #expect(!dry.stdout.contains("hunter2") && !dry.stdout.contains("abc123"))
        #expect(try await run(["checks", "list", "--json"], db: db).stdout == "[]\n")

        let applied = try await run(["apply", "-f", file], db: db)
        #expect(applied.stdout.hasSuffix("applied: 7 to add, 0 to change, 0 to delete\n"), "\(applied.stdout)\(applied.stderr)")
        let export = try await run(["export"], db: db)
        #expect(export.status == 0)
        #expect(!export.stdout.contains("hunter2"))
        let exported = dir.file("exported.yaml")
        try export.stdout.write(toFile: exported, atomically: true, encoding: .utf8)
        let again = try await run(["apply", "-f", exported], db: db)
        #expect(again.stdout == "nothing to change: the database matches \(exported)\n", "\(again.stdout)\(again.stderr)")
        let secrets = try await run(["export", "--with-secrets"], db: db)
        #expect(secrets.stdout.contains("hunter2"))

        // Standard input, and --prune.
        let smaller = dir.file("smaller.yaml")
        try "checks:\n  db:\n    type: tcp\n    data: {address: \"127.0.0.1:3306\", timeout: 5}\n    enabled: false\n".write(toFile: smaller, atomically: true, encoding: .utf8)
        let kept = try await run(["apply", "-f", smaller], db: db)
        #expect(kept.stdout.contains("! check web (id 1): not in the file, kept (--prune deletes it)"), "\(kept.stdout)")
        #expect(kept.stdout.contains("nothing to change"))
        let pruned = try await run(["apply", "-f", smaller, "--prune"], db: db)
        #expect(pruned.stdout.contains("- check web (id 1)"), "\(pruned.stdout)")
        #expect(pruned.stdout.hasSuffix("applied: 0 to add, 0 to change, 6 to delete\n"), "\(pruned.stdout)")
        #expect(try await run(["export"], db: db).stdout.contains("contacts: {}"))
    }

    @Test("a broken file exits 1 naming FILE:LINE and the fix, and changes nothing")
    func brokenFile() async throws {
        let db = "sqlite:" + dir.file("c.sqlite")
        let file = dir.file("bad.yaml")
        try "checks:\n  web:\n    type: tcp\n    data: {adress: \"127.0.0.1:1\"}\n  db:\n    type: nosuch\nalerts:\n  - {check: web, contact: ops}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await run(["apply", "-f", file], db: db)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):4: check 'web': invalid data for check type 'tcp': parameter 'address': is required (host:port"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file):6: check 'db': unknown check type 'nosuch'"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file):8: the alert names contact 'ops', which is not under contacts in this file"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was changed"))
        #expect(try await run(["checks", "list", "--json"], db: db).stdout == "[]\n")

        // Mistakes in the YAML itself show even when the database cannot be reached.
        let syntax = dir.file("syntax.yaml")
        try "checks:\n  a:\n    type: tcp\n    interval: soon\n".write(toFile: syntax, atomically: true, encoding: .utf8)
        let unreachable = try await run(["apply", "-f", syntax], db: "sqlite:" + dir.file("no/such/dir/x.sqlite"))
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("\(syntax):4: interval of check 'a' must be a whole number of seconds"), "\(unreachable.stderr)")

        let missing = try await run(["apply", "-f", dir.file("nope.yaml")], db: db)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.yaml: cannot open the file"))
        let directory = try await run(["apply", "-f", dir.path], db: db)
        #expect(directory.status == 1)
        #expect(!directory.stderr.isEmpty)
    }

    @Test("an alias bomb and a file that never ends are refused within the deadline")
    func hostileFiles() async throws {
        let db = "sqlite:" + dir.file("c.sqlite")
        var bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (level, previous) in zip("bcdefghij", "abcdefghi") {
            bomb += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let file = dir.file("bomb.yaml")
        try (bomb + "checks:\n  ? *j\n  : x\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await run(["apply", "-f", file], db: db)
        #expect(result.status == 1 && !result.timedOut)
        #expect(result.stderr.contains("\(file):2: YAML aliases (*name) are not accepted here"), "\(result.stderr)")
        // /dev/zero never ends: only the first 8 MiB and a byte are read.
        let endless = try await run(["apply", "-f", "/dev/zero"], db: db)
        #expect(endless.status == 1 && !endless.timedOut)
        #expect(endless.stderr.contains("more than the 8388608 accepted"), "\(endless.stderr)")
    }
}
