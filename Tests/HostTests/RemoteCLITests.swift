import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore
@testable import BearmonCLI

/// The management commands with `--api` against a running standalone node do what they do
/// with `--db`: the same output, the same rows, the same refusals; and the API's own
/// refusals (no token, revoked token, read token on a write) come out as one clear line.
@Suite("management commands over --api")
struct RemoteCLITests {
    let dir: TempDirectory

    init() async throws {
        dir = try TempDirectory("bearmon-remote-cli")
        try await PluginBuilder.fixture("libfixture.so", in: dir)
    }

    /// A new SQLite database holding what every one of these starts with: one check and one
    /// contact, so that a standalone node plants no examples of its own.
    private func database(_ name: String) throws -> (db: String, store: SQLStore) {
        let path = dir.file(name + ".sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try store.migrate()
        _ = try store.addCheck(NewCheck(name: "seed", type: "fixture", data: #"{"mode":"online"}"#, interval: 3600, delay: 0))
        _ = try store.addContact(type: "fixture", data: "seed@example.org")
        return ("sqlite:" + path, store)
    }

    /// A standalone node serving `db` on loopback (where reads are open by default), with `config` if given.
    private func node(_ db: String, config: String? = nil) async throws -> NodeProcess {
        let arguments = ["standalone", "--db", db, "--plugins", dir.path] + (config.map { ["--config", $0] } ?? [])
        let log = dir.file("node-\(UUID().uuidString).log")
        return try await offPool { try NodeProcess(arguments, log: log) }
    }

    /// A new token of `scope` in `store`, as `bearmon tokens add` makes one.
    private func token(_ scope: TokenScope, in store: SQLStore) throws -> (id: Int64, token: String) {
        let token = TokenSecret.generate()
        let id = try store.addToken(name: "cli-\(scope.rawValue)-\(UUID().uuidString.prefix(8))", scope: scope, sha256: TokenSecret.sha256Hex(token), now: 1_700_000_000_000)
        return (id, token)
    }

    /// Runs bearmon with BEARMON_TOKEN set to `token` ("" for none).
    private func bearmon(_ arguments: [String], token: String = "") async throws -> CommandResult {
        try await Command.run(TestPaths.bearmon, arguments, timeout: 60, environment: ["BEARMON_TOKEN": token])
    }

    /// Everything the management commands can change, as one comparable text.
    private func rows(_ store: SQLStore) throws -> String {
        let checks = try store.checkRows().map { "\($0.id) \($0.name) \($0.type) \($0.data) \($0.interval) \($0.delay) \($0.enabled)" }
        let contacts = try store.contacts().map { "\($0.id) \($0.type) \($0.data)" }
        let alerts = try store.alerts().map { "\($0.id) \($0.checkID) \($0.contactID) \($0.typeText) \($0.enabled)" }
        let tags = try store.checkTags().sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.sorted())" }
        let names = try store.contactNames().sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let publicIDs = try store.publicCheckIDs().sorted()
        return (checks + contacts + alerts + tags + names + ["public \(publicIDs)"]).joined(separator: "\n")
    }

    @Test("every management command prints the same with --api as with --db, refusals included, and leaves the same rows")
    func sameAsDatabase() async throws {
        let local = try database("local")
        let remote = try database("remote")
        let node = try await node(remote.db)
        let write = try token(.write, in: remote.store)
        let fixture = ["--type", "fixture"]
        let steps: [[String]] = [
            ["checks", "add", "--name", "api", "--data", #"{"mode":"online","password":"hunter2"}"#, "--interval", "30", "--delay", "2",
             "--tag", "db", "--tag", "eu", "--public"] + fixture,
            ["checks", "add", "--name", "web", "--data", #"{"mode":"online"}"#, "--disabled", "--tag", "eu"] + fixture,
            ["checks", "list"], ["checks", "list", "--json"], ["checks", "list", "--tag", "db"], ["checks", "list", "--tag", "nosuch"],
            ["checks", "edit", "2", "--name", "api2", "--data", #"{"mode":"online","password":"********","message":"kept"}"#, "--no-public", "--tag", "x"],
            ["checks", "disable", "3"], ["checks", "enable", "1"],
            ["contacts", "add", "--data", "ops@example.org", "--name", "ops"] + fixture,
            ["contacts", "add", "--data", "dev@example.org"] + fixture,
            ["contacts", "edit", "3", "--name", "dev"], ["contacts", "edit", "2", "--data", "ops2@example.org"],
            ["contacts", "list"], ["contacts", "list", "--json"],
            ["alerts", "add", "--check", "2", "--contact", "2", "--type", "offline"], ["alerts", "add", "--check", "3", "--contact", "3"],
            ["alerts", "list"], ["alerts", "list", "--json"],
            ["checks", "show", "3"], ["checks", "show", "3", "--json"],
            // Refusals: 404, 400 naming the field, 409, an unknown type, a missing contact.
            ["checks", "rm", "99"], ["checks", "show", "99"], ["checks", "edit", "99", "--interval", "5"], ["contacts", "rm", "99"], ["alerts", "rm", "99"],
            ["checks", "add", "--name", "x", "--data", #"{"seconds":"ten"}"#] + fixture,
            ["checks", "add", "--name", "x", "--data", #"{"mdoe":"online"}"#] + fixture,
            ["checks", "add", "--name", "x", "--type", "nosuch", "--data", "{}"],
            ["checks", "add", "--name", "x", "--data", #"{"message":""# + String(repeating: "m", count: 1100) + #""}"#] + fixture,
            ["checks", "edit", "2", "--data", #"{"seconds":"ten"}"#], ["checks", "edit", "2", "--interval", "0"],
            ["contacts", "add", "--data", "x@example.org", "--name", "ops"] + fixture,
            ["contacts", "add", "--data", String(repeating: "x", count: 600)] + fixture,
            ["alerts", "add", "--check", "2", "--contact", "77"], ["alerts", "add", "--check", "77", "--contact", "2"],
            ["alerts", "rm", "1"], ["contacts", "rm", "3"], ["checks", "rm", "3"],
            ["checks", "list", "--json"], ["contacts", "list", "--json"], ["alerts", "list", "--json"],
        ]
        var printed: [String] = []
        for step in steps {
            let viaDB = try await bearmon(step + ["--db", local.db, "--plugins", dir.path])
            printed.append(viaDB.stdout + viaDB.stderr)
            let viaAPI = try await bearmon(step + ["--api", "http://\(node.address)"], token: write.token)
            #expect(viaAPI.stdout == viaDB.stdout, "\(step): --api printed\n\(viaAPI.stdout)\(viaAPI.stderr)\n--db printed\n\(viaDB.stdout)\(viaDB.stderr)")
            #expect(viaAPI.stderr == viaDB.stderr, "\(step)")
            #expect(viaAPI.status == viaDB.status, "\(step)")
            #expect(viaAPI.stderr.split(separator: "\n").count <= 1, "\(step): \(viaAPI.stderr)")
        }
        // The comparison is only worth something if the commands did their jobs: a few landmarks.
        #expect(printed[0] == "added check 2 (api)\n")
        #expect(printed[2].contains(#""password":"********"}  yes     db,eu"#) && !printed[2].contains("hunter2"), "\(printed[2])")
        #expect(printed[4].contains("api") && !printed[4].contains("web"), "\(printed[4])")
        #expect(printed[9] == "added contact 2 (ops, fixture)\n", "\(printed[9])")
        #expect(printed[19].contains("alerts: #2 contact 3 on both"), "\(printed[19])")
        #expect(printed[21].contains("check 99 does not exist"), "\(printed[21])")
        #expect(printed[26].contains("parameter 'seconds'"), "\(printed[26])")
        #expect(printed[32].contains("is taken"), "\(printed[32])")
        #expect(try local.store.checkTags() == [2: ["x"]])
        #expect(try local.store.contactNames() == [2: "ops"])
        #expect(try rows(remote.store) == rows(local.store))
        #expect(!node.process.log.contains(write.token))
    }

    @Test("a list longer than a page (500) comes whole over --api; lists and a last result print what --db prints on the node's own database")
    func longList() async throws {
        let remote = try database("remote")
        for index in 0..<620 {
            _ = try remote.store.addCheck(NewCheck(name: "c\(index)", type: "fixture", data: #"{"mode":"online"}"#, interval: 3600, delay: 0, enabled: false))
        }
        let node = try await node(remote.db)
        for command in [["checks", "list", "--json"], ["checks", "list"]] {
            let viaAPI = try await bearmon(command + ["--api", "http://\(node.address)"])
            let viaDB = try await bearmon(command + ["--db", remote.db, "--plugins", dir.path])
            #expect(viaAPI.status == 0, "\(viaAPI.stderr)")
            #expect(viaAPI.stdout == viaDB.stdout)
        }
        // The seed check runs at start: its last result shows the same both ways.
        let ran = try await offPool { waitUntil(timeout: 30) { ((try? remote.store.latestResults()) ?? [:])[1] != nil } }
        #expect(ran)
        let showAPI = try await bearmon(["checks", "show", "1", "--api", "http://\(node.address)"])
        let showDB = try await bearmon(["checks", "show", "1", "--db", remote.db, "--plugins", dir.path])
        #expect(showAPI.stdout.contains("last result: online from "), "\(showAPI.stdout)\(showAPI.stderr)")
        #expect(showAPI.stdout == showDB.stdout)
        let listed = try await bearmon(["checks", "list", "--json", "--api", "http://\(node.address)"])
        guard case .array(let items) = try JSONValue.parse(listed.stdout) else { Issue.record("not an array: \(listed.stdout.prefix(200))"); return }
        #expect(items.count == 621)
    }

    @Test("a row that cannot run: --db marks it misconfigured with the fix; --api, which cannot tell, lists it as stored (README says so)")
    func poisonRow() async throws {
        let remote = try database("remote")
        let bad = try remote.store.addCheck(NewCheck(name: "bad", type: "nosuch", data: "{}", interval: 60, delay: 0, enabled: false))
        let node = try await node(remote.db)
        let viaDB = try await bearmon(["checks", "list", "--db", remote.db, "--plugins", dir.path])
        #expect(viaDB.stdout.contains("check \(bad) is misconfigured: unknown check type 'nosuch'"), "\(viaDB.stdout)")
        let viaAPI = try await bearmon(["checks", "list", "--api", "http://\(node.address)"])
        #expect(viaAPI.status == 0, "\(viaAPI.stderr)")
        #expect(viaAPI.stdout.contains("bad   nosuch   60s"), "\(viaAPI.stdout)")
        #expect(!viaAPI.stdout.contains("misconfigured"))
    }

    @Test("no token, a revoked or unknown token, or a read token on a write: one line saying what is wrong and what to do")
    func tokenRefusals() async throws {
        let remote = try database("remote")
        let node = try await node(remote.db)
        let api = ["--api", "http://\(node.address)"]
        let add = ["checks", "add", "--name", "x", "--type", "fixture", "--data", "{}"] + api

        // On loopback reads are open: no token needed to list.
        let open = try await bearmon(["checks", "list"] + api)
        #expect(open.status == 0, "\(open.stderr)")
        #expect(open.stdout.contains("seed"))

        let none = try await bearmon(add)
        expectOneLine(none, "needs a token for this: set BEARMON_TOKEN to a write token", "bearmon tokens add --name NAME --scope write")

        let unknown = try await bearmon(add, token: TokenSecret.generate())
        expectOneLine(unknown, "the token in BEARMON_TOKEN was refused", "revoked")

        let revoked = try token(.write, in: remote.store)
        #expect(try await bearmon(add, token: revoked.token).status == 0)
        try remote.store.removeToken(revoked.id)
        let afterRevoke = try await bearmon(add, token: revoked.token)
        expectOneLine(afterRevoke, "the token in BEARMON_TOKEN was refused", "revoked")
        #expect(!afterRevoke.stderr.contains(revoked.token))

        let read = try token(.read, in: remote.store)
        #expect(try await bearmon(["checks", "list"] + api, token: read.token).status == 0)
        for write in [add, ["checks", "rm", "1"] + api, ["checks", "disable", "1"] + api, ["contacts", "add", "--type", "fixture", "--data", "a@b.c"] + api] {
            let refused = try await bearmon(write, token: read.token)
            #expect(refused.status == 1)
            #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.hasPrefix("Error: "), "\(refused.stderr)")
            #expect(refused.stderr.contains("write"), "\(refused.stderr)")
            #expect(!refused.stderr.contains(read.token))
        }
        // Nothing was written by any refused call.
        #expect(try remote.store.checkRows().map(\.name) == ["seed", "x"])
        #expect(try remote.store.checkRows().allSatisfy(\.enabled))
    }

    @Test("with reads closed ([api] openReads = false), a list without a token is refused naming BEARMON_TOKEN; a read token lists")
    func closedReads() async throws {
        let remote = try database("remote")
        try dir.write("closed.cfg", "[api]\nopenReads = false\n")
        let node = try await node(remote.db, config: dir.file("closed.cfg"))
        let api = ["--api", "http://\(node.address)"]
        expectOneLine(try await bearmon(["checks", "list"] + api), "set BEARMON_TOKEN to a read token")
        expectOneLine(try await bearmon(["contacts", "list"] + api), "set BEARMON_TOKEN to a read token")
        let read = try token(.read, in: remote.store)
        let listed = try await bearmon(["checks", "list"] + api, token: read.token)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("seed"))
    }

    @Test("tokens over --api: a write token makes, lists and revokes one; the new token works at once and stops at its revocation")
    func tokensOverAPI() async throws {
        let remote = try database("tokens")
        try dir.write("tokens-closed.cfg", "[api]\nopenReads = false\n")
        let node = try await node(remote.db, config: dir.file("tokens-closed.cfg"))
        let api = ["--api", "http://\(node.address)"]
        let write = try token(.write, in: remote.store)
        let added = try await bearmon(["tokens", "add", "--name", "made-over-api", "--scope", "read"] + api, token: write.token)
        #expect(added.status == 0, "\(added.stderr)")
        let made = try #require(added.stdout.split(separator: "\n").last.map(String.init))
        #expect(made.hasPrefix(TokenSecret.prefix))
        #expect(try remote.store.token(sha256: TokenSecret.sha256Hex(made))?.name == "made-over-api")
        // The new read token reads, and its listing never holds a token.
        let listed = try await bearmon(["tokens", "list"] + api, token: made)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("made-over-api") && !listed.stdout.contains(made) && !listed.stdout.contains(write.token))
        expectOneLine(try await bearmon(["tokens", "rm", "made-over-api"] + api, token: made), "has scope read", "needs a write token")
        let revoked = try await bearmon(["tokens", "rm", "made-over-api"] + api, token: write.token)
        #expect(revoked.status == 0, "\(revoked.stderr)")
        expectOneLine(try await bearmon(["checks", "list"] + api, token: made), "the token in BEARMON_TOKEN was refused")
    }

    @Test("apply and export over --api print and write what they do with --db; --with-secrets stays on --db; a read token cannot apply")
    func configAsCodeOverAPI() async throws {
        let local = try database("cac-local"), remote = try database("cac-remote")
        let node = try await node(remote.db)
        let api = ["--api", "http://\(node.address)"]
        let write = try token(.write, in: remote.store), read = try token(.read, in: remote.store)
        let file = try dir.write("cac.yaml", """
            checks:
              api-web:
                type: fixture
                data: {mode: online, password: hunter2}
                interval: 30
                tags: [eu, web]
                public: true
            contacts:
              ops:
                type: fixture
                data: ops@example.org
            alerts:
              - {check: api-web, contact: ops, type: offline}
            """)
        for arguments in [["apply", "-f", file, "--dry-run"], ["apply", "-f", file], ["apply", "-f", file]] {
            let viaDB = try await bearmon(arguments + ["--db", local.db, "--plugins", dir.path])
            let viaAPI = try await bearmon(arguments + api, token: write.token)
            #expect(viaAPI.status == viaDB.status && viaAPI.stdout == viaDB.stdout && viaAPI.stderr == viaDB.stderr,
                    "\(arguments): --db \(viaDB.stdout)\(viaDB.stderr) --api \(viaAPI.stdout)\(viaAPI.stderr)")
        }
        #expect(try rows(remote.store) == (try rows(local.store)))
        #expect(try remote.store.checkRows().contains { $0.name == "api-web" && $0.data.contains("hunter2") })

        let exportedDB = try await bearmon(["export", "--db", local.db, "--plugins", dir.path])
        let exportedAPI = try await bearmon(["export"] + api, token: read.token)
        #expect(exportedAPI.status == 0 && exportedAPI.stdout == exportedDB.stdout, "\(exportedAPI.stderr)")
        #expect(!exportedAPI.stdout.contains("hunter2") && exportedAPI.stdout.contains("api-web"))
        // The masked export applied back over the API changes nothing and keeps the secret.
        let back = try dir.write("back.yaml", exportedAPI.stdout)
        let again = try await bearmon(["apply", "-f", back] + api, token: write.token)
        #expect(again.status == 0 && again.stdout.contains("nothing to change"), "\(again.stdout)\(again.stderr)")
        #expect(try remote.store.checkRows().contains { $0.data.contains("hunter2") })

        let secrets = try await bearmon(["export", "--with-secrets"] + api, token: write.token)
        #expect(secrets.status != 0 && secrets.stderr.contains("only with --db") && !secrets.stdout.contains("hunter2"))
        expectOneLine(try await bearmon(["apply", "-f", file, "--prune"] + api, token: read.token), "has scope read", "needs a write token")
        let broken = try dir.write("broken.yaml", "checks:\n  x:\n    type: fixture\n    data: {mode: online}\n    interval: -5\n")
        let refusedAPI = try await bearmon(["apply", "-f", broken] + api, token: write.token)
        let refusedDB = try await bearmon(["apply", "-f", broken, "--db", local.db, "--plugins", dir.path])
        #expect(refusedAPI.status == 1 && refusedAPI.stderr == refusedDB.stderr && refusedAPI.stderr.contains("broken.yaml:5"), "\(refusedAPI.stderr)")
        #expect(try rows(remote.store) == (try rows(local.store)))
    }

    /// Asserts one "Error: ..." line on stderr holding `words`, exit status 1, nothing on stdout.
    private func expectOneLine(_ result: CommandResult, _ words: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("Error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        for word in words { #expect(result.stderr.contains(word), "\(result.stderr)", sourceLocation: sourceLocation) }
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    }
}
