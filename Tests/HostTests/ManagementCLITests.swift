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

/// `bearmon checks|contacts|alerts`, end to end through the binary, on SQLite.
@Suite("management commands")
struct ManagementCLITests {
    let dir: TempDirectory
    let db: String

    init() async throws {
        dir = try TempDirectory()
        db = "sqlite:" + dir.file("m.sqlite")
        try await PluginBuilder.fixture("libfixture.so", in: dir)
    }

    private func run(_ arguments: [String]) async throws -> CommandResult {
        try await Command.bearmon(arguments + ["--db", db, "--plugins", dir.path])
    }

    @Test("checks add validates data against the plugin's parameters, naming the field")
    func addValidates() async throws {
        let bad = try await run(["checks", "add", "--name", "x", "--type", "fixture", "--data", #"{"seconds":"ten"}"#])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("parameter 'seconds': must be an integer, got a string"))
        #expect(!bad.stderr.contains("Usage:"))
        let typo = try await run(["checks", "add", "--name", "x", "--type", "fixture", "--data", #"{"mdoe":"online"}"#])
        #expect(typo.stderr.contains("unknown parameter 'mdoe' (did you mean 'mode'?)"))
        let unknown = try await run(["checks", "add", "--name", "x", "--type", "nosuch", "--data", "{}"])
        #expect(unknown.stderr.contains("unknown check type 'nosuch'; registered check types: fixture, fixture_noop"))
        let long = try await run(["checks", "add", "--name", "x", "--type", "fixture", "--data", #"{"message":""# + String(repeating: "m", count: 1100) + #""}"#])
        #expect(long.status == 1)
        #expect(long.stderr.contains("checks.data is 1114 characters, longer than its column (1024)"))
        #expect(try await run(["checks", "list", "--json"]).stdout == "[]\n")
    }

    @Test("list shows id, name, type, interval, delay, status and enabled, with secrets masked")
    func listMasks() async throws {
        let added = try await run(["checks", "add", "--name", "api", "--type", "fixture", "--data", #"{"mode":"online","password":"hunter2"}"#, "--interval", "30", "--delay", "2"])
        #expect(added.stdout == "added check 1 (api)\n", "\(added.stderr)")
        let list = try await run(["checks", "list"])
        #expect(list.stdout.contains("ID  NAME  TYPE     INTERVAL  DELAY  STATUS  ENABLED  DATA"))
        #expect(list.stdout.contains(#"1   api   fixture  30s       2      online  yes      {"mode":"online","password":"********"}"#))
        #expect(!list.stdout.contains("hunter2"))
        #expect(try await !run(["checks", "list", "--json"]).stdout.contains("hunter2"))
        #expect(try await !run(["checks", "show", "1"]).stdout.contains("hunter2"))

        #expect(try await run(["checks", "disable", "1"]).status == 0)
        #expect(try await run(["checks", "list"]).stdout.contains("online  no"))
        #expect(try await run(["checks", "enable", "1"]).status == 0)
        let missing = try await run(["checks", "rm", "9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("check 9 does not exist"))
    }

    @Test("checks edit changes a check in place, validates new data, and keeps its alerts")
    func edit() async throws {
        _ = try await run(["checks", "add", "--name", "api", "--type", "fixture", "--data", #"{"mode":"online"}"#, "--interval", "30"])
        _ = try await run(["contacts", "add", "--type", "fixture", "--data", "ops@example.org"])
        #expect(try await run(["alerts", "add", "--check", "1", "--contact", "1"]).status == 0)

        let changed = try await run(["checks", "edit", "1", "--name", "api2", "--data", #"{"mode":"offline","password":"hunter2"}"#, "--delay", "3"])
        #expect(changed.stdout == "changed check 1 (api2)\n", "\(changed.stderr)")
        let list = try await run(["checks", "list"])
        #expect(list.stdout.contains(#"1   api2  fixture  30s       3      online  yes      {"mode":"offline","password":"********"}"#), "\(list.stdout)")
        #expect(try await run(["alerts", "list"]).stdout.contains("1   1      1"))

        let bad = try await run(["checks", "edit", "1", "--data", #"{"seconds":"ten"}"#])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("parameter 'seconds': must be an integer, got a string"))
        let badType = try await run(["checks", "edit", "1", "--type", "nosuch"])
        #expect(badType.stderr.contains("unknown check type 'nosuch'"))
        let nothing = try await run(["checks", "edit", "1"])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("nothing to change"))
        let missing = try await run(["checks", "edit", "9", "--interval", "5"])
        #expect(missing.stderr.contains("check 9 does not exist"))
        #expect(try await run(["checks", "list"]).stdout.contains("api2  fixture  30s       3"))
    }

    @Test("contacts and alerts link up, list and remove")
    func contactsAndAlerts() async throws {
        _ = try await run(["checks", "add", "--name", "api", "--type", "fixture", "--data", "{}"])
        #expect(try await run(["contacts", "add", "--type", "fixture", "--data", "ops@example.org"]).stdout == "added contact 1 (fixture)\n")
        let badContact = try await run(["contacts", "add", "--type", "fixture", "--data", String(repeating: "x", count: 600)])
        #expect(badContact.stderr.contains("contacts.data is 600 characters, longer than its column (512)"))
        #expect(try await run(["alerts", "add", "--check", "1", "--contact", "1", "--type", "offline"]).status == 0)
        let missing = try await run(["alerts", "add", "--check", "1", "--contact", "7"])
        #expect(missing.stderr.contains("contact 7 does not exist"))
        #expect(try await run(["alerts", "list"]).stdout.contains("1   1      1        offline  yes"))
        #expect(try await run(["checks", "show", "1"]).stdout.contains("alerts: #1 contact 1 on offline"))
        #expect(try await run(["contacts", "list"]).stdout.contains("1   fixture  ops@example.org"))
        #expect(try await run(["contacts", "rm", "1"]).status == 0)
        #expect(try await run(["alerts", "list", "--json"]).stdout == "[]\n")
    }
}
