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

@Suite("MySQL backend")
struct MySQLStoreTests {
    let server = MariaDBServer.shared

    @Test("gobearmon's DSN forms parse, and passwords never print", arguments: [
        ("monitor@tcp(mysql1:3306)/monitor", "monitor@tcp(mysql1:3306)/monitor"),
        ("u:p@ss@tcp(127.0.0.1:3307)/db?timeout=2s", "u:***@tcp(127.0.0.1:3307)/db"),
        ("u:pw@unix(/run/mysqld/mysqld.sock)/gobearmon", "u:***@unix(/run/mysqld/mysqld.sock)/gobearmon"),
        ("u:pw@tcp([::1]:3306)/db", "u:***@tcp([::1]:3306)/db"),
        ("root@tcp(db)/x", "root@tcp(db:3306)/x"),
    ])
    func dsnForms(text: String, printed: String) throws {
        let dsn = try MySQLDSN(parsing: text)
        #expect(dsn.description == printed)
        if text.hasPrefix("u:p@ss") {
            #expect(dsn.password == "p@ss")
            #expect(dsn.seconds("timeout") == 2)
        }
    }

    @Test("a bad DSN is refused with a clear message that hides the password")
    func badDSN() {
        let error = #expect(throws: StoreError.self) { try MySQLDSN(parsing: "u:hunter2@tcp(db:port)/x") }
        #expect(error?.description.contains("'port' is not a port") == true)
        #expect(error?.description.contains("hunter2") == false)
        #expect(throws: StoreError.self) { try StoreLocation.parse("just-a-word") }
    }

    @Test("a gobearmon database with its README's rows works unchanged")
    func gobearmonDatabase() async throws {
        let name = try server.createDatabase("gob")
        let schema = try String(contentsOfFile: TestPaths.fixture("gobearmon/gobearmon-install.sql"), encoding: .utf8)
        try server.sql(schema, database: name)
        try server.sql(#"""
            INSERT INTO checks (name, type, data) VALUES ('ping ipv6', 'icmp', '{"target":"example.com","force_ip":6}');
            INSERT INTO checks (name, type, data, check_interval, delay) VALUES ('my http check', 'http', '{"url":"https:\/\/example.com","method":"GET","expect_status":200,"timeout":15}', 120, 5);
            INSERT INTO contacts (type, data) VALUES ('email', 'admin@example.com');
            INSERT INTO alerts (check_id, contact_id, type) VALUES (1, 1, 'both');
            """#, database: name)
        let before = try gobearmonTables(name)

        let initial = try await Command.bearmon(["db", "init", "--db", server.dsn(name)])
        #expect(initial.status == 0, "\(initial.stderr)")
        #expect(initial.stdout.contains("applied migration(s) 1, 2"))
        #expect(!initial.stdout.contains(MariaDBServer.password))
        #expect(try gobearmonTables(name) == before)
        let again = try await Command.bearmon(["db", "init", "--db", server.dsn(name)])
        #expect(again.stdout.contains("schema is up to date"))

        let list = try await Command.bearmon(["checks", "list", "--json", "--db", server.dsn(name)])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["ping ipv6", "my http check"])
        #expect(rows.map { $0["type"] as? String } == ["icmp", "http"])
        #expect(rows[1]["interval"] as? Int == 120)
        #expect(rows[1]["delay"] as? Int == 5)
        let alerts = try await Command.bearmon(["alerts", "list", "--db", server.socketDSN(name)])
        #expect(alerts.stdout.contains("1   1      1        both"))
    }

    @Test("a user with only SELECT, INSERT, UPDATE and DELETE starts without DDL once `bearmon db init` has run, and is told to run it before")
    func leastPrivilege() async throws {
        let name = try server.createDatabase("lp")
        let schema = try String(contentsOfFile: TestPaths.fixture("gobearmon/gobearmon-install.sql"), encoding: .utf8)
        try server.sql(schema, database: name)
        let limited = try server.leastPrivilegeDSN(name)

        let behind = try await Command.bearmon(["checks", "list", "--db", limited])
        #expect(behind.status != 0)
        let message = behind.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "one line: \(message)")
        #expect(message.contains("run `bearmon db init` once as a user that may create tables"), "\(message)")
        #expect(!message.contains(MariaDBServer.password))

        let initial = try await Command.bearmon(["db", "init", "--db", server.dsn(name)])
        #expect(initial.status == 0, "\(initial.stderr)")
        // What every node does at start: with the schema current, nothing to apply and no DDL.
        let store = try StoreLocation.parse(limited).open(logger: quietLogger)
        #expect(try store.migrate().isEmpty)
        try server.sql("INSERT INTO checks (name, type, data) VALUES ('web', 'tcp', '{\"address\":\"127.0.0.1:1\"}')", database: name)
        let list = try await Command.bearmon(["checks", "list", "--db", limited])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("web"))
    }

    private func gobearmonTables(_ database: String) throws -> String {
        try ["checks", "contacts", "alerts", "check_events", "charges"].map {
            try server.sql("SHOW CREATE TABLE \($0)", database: database)
        }.joined(separator: "\n")
    }

    @Test("install.sql is what `bearmon db schema` prints, and loads cleanly")
    func installScript() async throws {
        let script = try String(contentsOfFile: TestPaths.repoRoot + "/install.sql", encoding: .utf8)
        let printed = try await Command.bearmon(["db", "schema"])
        #expect(printed.stdout == script)
        let name = try server.createDatabase("inst")
        try server.sql(script, database: name)
        let initialised = try await Command.bearmon(["db", "init", "--db", server.dsn(name)])
        #expect(initialised.stdout.contains("schema is up to date"))
        let tables = try server.sql("SHOW TABLES", database: name).split(separator: "\n").map(String.init).sorted()
        #expect(tables == ["alert_options", "alert_outbox", "alerts", "api_tokens", "charges", "check_acks", "check_alert_states", "check_daily", "check_dependencies", "check_events", "check_flips", "check_hourly", "check_nodes",
                           "check_options", "check_results", "check_tags", "checks", "contact_names", "contacts", "controller_view", "maintenances", "notification_ledger",
                           "push_healthchecks", "push_stats", "push_status", "result_batches", "schema_version", "shared_secrets", "silences"])
    }

    @Test("a server restarted in the middle of a transaction: the whole transaction runs again, nothing is half written")
    func restartMidTransaction() async throws {
        // Restarting MariaDB blocks for a second or two, so all of it runs off the pool.
        let (attempts, contacts, record, status) = try await offPool {
            let own = try MariaDBServer()
            defer { own.stop() }
            let name = try own.createDatabase()
            let database = MySQLDatabase(dsns: [try MySQLDSN(parsing: own.dsn(name))], reconnectWindow: 60, logger: quietLogger)
            let store = SQLStore(database: database)
            try store.migrate()
            nonisolated(unsafe) var attempts = 0
            try database.transaction { tx in
                attempts += 1
                try tx.execute("INSERT INTO contacts (type, data) VALUES ('email', 'first@example.org')", [])
                if attempts == 1 { try own.crashAndRestart() }
                try tx.execute("INSERT INTO contacts (type, data) VALUES ('email', 'second@example.org')", [])
            }
            let contacts = try store.contacts().map(\.data)
            // The store's own fenced flip survives a crash between transactions too.
            let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}"))
            _ = try store.raiseView(to: 1, holder: "a")
            try own.crashAndRestart()
            let record = try store.recordFlip(FlipRequest(flipID: "f", checkID: check, status: .offline, message: "m", time: 1,
                                                          checkName: "web", checkType: "tcp", maskedData: "{}"), view: 1)
            return (attempts, contacts, record, try store.checkRow(check)?.status)
        }
        #expect(attempts == 2)
        #expect(contacts == ["first@example.org", "second@example.org"])
        #expect(record.isNew)
        #expect(status == "offline")
    }

    @Test("DSNs are tried in turn; a wrong password fails at once with a clear error")
    func dsnList() throws {
        let name = try server.createDatabase()
        let down = try refusedPort()
        let database = MySQLDatabase(dsns: [try MySQLDSN(parsing: "u:p@tcp(127.0.0.1:\(down))/\(name)"), try MySQLDSN(parsing: server.dsn(name))], logger: quietLogger)
        #expect(try database.query("SELECT 1").first?.int(0) == 1)

        let wrong = MySQLDatabase(dsns: [try MySQLDSN(parsing: "\(MariaDBServer.user):nope@tcp(127.0.0.1:\(server.port))/\(name)")], logger: quietLogger)
        let error = #expect(throws: MySQLError.self) { try wrong.query("SELECT 1") }
        #expect(error?.code == 1045)
        #expect(error?.description.contains("Access denied") == true)
    }
}
