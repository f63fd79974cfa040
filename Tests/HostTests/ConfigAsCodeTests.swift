import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore

/// Config as code in process, on SQLite and MariaDB: apply, export, prune, masked secrets,
/// and files that must change nothing.
@Suite("config as code (SQLite and MySQL)")
struct ConfigAsCodeTests {
    static let host = try! PluginHost(config: Config(), directory: TestPaths.products, threads: 1, logger: quietLogger)

    static let file = """
        checks:
          web:
            type: http
            data:
              url: https://user:s3cret@www.example.org/health?token=t0ken
              password: hunter2
              headers: {Authorization: Bearer abc123}
              expect_status: 200
            interval: 30
            delay: 2
            public: true
            tags: [prod, eu, prod]
          db:
            type: tcp
            data: {address: "127.0.0.1:3306", timeout: 5}
            enabled: false
        contacts:
          ops:
            type: webhook
            data:
              url: https://hooks.example.com/services/T000/B000/XXXX
              headers: {X-Key: k3y}
          page:
            type: http
            data: https://hooks.example.com/secret-path
        alerts:
          - {check: web, contact: ops}
          - {check: web, contact: page, type: offline}
          - check: db
            contact: ops
            enabled: false

        """

    /// Everything stored about the catalog, for "nothing changed".
    typealias Snapshot = StoredCatalog

    private func plan(_ catalog: ConfigAsCode, _ text: String, prune: Bool = false) throws -> CatalogPlan {
        try catalog.plan(Array(text.utf8), file: "bearmon.yaml", prune: prune)
    }

    @Test("apply adds everything, export masks secrets, and applying the export changes nothing", arguments: StoreBackend.allCases)
    func roundTrip(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)

        let first = try plan(catalog, Self.file)
        #expect(first.count(.add) == 7, "\(first.lines)")
        #expect(first.count(.change) == 0 && first.count(.delete) == 0)
        let printed = first.lines.map(\.description).joined(separator: "\n")
        for secret in ["s3cret", "t0ken", "hunter2", "abc123", "k3y", "XXXX", "secret-path"] { #expect(!printed.contains(secret), "\(printed)") }
        #expect(printed.contains("+ check web (http) every 30s, delay 2, public, tags eu, prod: "))
        #expect(printed.contains("+ alert web -> page on offline"))
        try catalog.apply(first)

        let web = try #require(try store.checkRows().first { $0.name == "web" })
        #expect(web.interval == 30 && web.delay == 2 && web.enabled)
        #expect(try JSONValue.parse(web.data) == JSONValue.parse(#"{"url":"https://user:s3cret@www.example.org/health?token=t0ken","password":"hunter2","headers":{"Authorization":"Bearer abc123"},"expect_status":200}"#))
        #expect(try store.checkTags()[web.id] == ["eu", "prod"])
        #expect(try store.publicCheckIDs() == [web.id])
        #expect(try Set(store.contactNames().values) == ["ops", "page"])
        #expect(try store.alerts().map(\.enabled) == [true, true, false])
        #expect(try store.contacts().first { $0.type == "http" }?.data == "https://hooks.example.com/secret-path")

        // The same file again, and the export (masked or not), change nothing.
        let before = try Snapshot(store: store)
        #expect(try plan(catalog, Self.file).isEmpty)
        let exported = try catalog.export(withSecrets: false)
        for secret in ["s3cret", "t0ken", "hunter2", "abc123", "k3y", "XXXX", "secret-path"] { #expect(!exported.contains(secret), "\(exported)") }
        #expect(exported.contains("********"))
        let again = try plan(catalog, exported)
        #expect(again.isEmpty, "\(again.lines)")
        try catalog.apply(again)
        let withSecrets = try catalog.export(withSecrets: true)
        #expect(withSecrets.contains("hunter2") && withSecrets.contains("secret-path"))
        #expect(try plan(catalog, withSecrets).isEmpty)
        #expect(try Snapshot(store: store) == before)
    }

    @Test("a changed file changes rows in place and says what changed, secrets masked", arguments: StoreBackend.allCases)
    func changes(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        try catalog.apply(try plan(catalog, Self.file))
        let ids = try store.checkRows().map(\.id)
        let alertIDs = try store.alerts().map(\.id)

        let edited = Self.file
            .replacingOccurrences(of: "interval: 30", with: "interval: 45")
            .replacingOccurrences(of: "password: hunter2", with: "password: hunter3")
            .replacingOccurrences(of: "tags: [prod, eu, prod]", with: "tags: [prod]")
            .replacingOccurrences(of: "{check: web, contact: page, type: offline}", with: "{check: web, contact: page, type: online}")
        let plan = try plan(catalog, edited)
        let printed = plan.lines.map(\.description)
        #expect(printed.contains { $0.hasPrefix("~ check web (id \(ids[0])): data: a secret changed; interval 30s -> 45s; tags [eu, prod] -> [prod]") }, "\(printed)")
        #expect(printed.contains { $0.contains("~ alert web -> page") && $0.contains("type offline -> online") }, "\(printed)")
        #expect(!printed.joined().contains("hunter"))
        #expect(plan.count(.change) == 2 && plan.count(.add) == 0)
        try catalog.apply(plan)
        #expect(try store.checkRows().map(\.id) == ids)
        #expect(try store.alerts().map(\.id) == alertIDs)
        #expect(try store.checkRows()[0].data.contains("hunter3"))
        #expect(try store.checkTags()[ids[0]] == ["prod"])
    }

    @Test("rows the file lost are reported and kept, and deleted with prune", arguments: StoreBackend.allCases)
    func prune(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        try catalog.apply(try plan(catalog, Self.file))
        let smaller = """
            checks:
              web:
                type: http
                data: {url: "https://********@www.example.org/health?token=********", password: "********", headers: "********", expect_status: 200}
                interval: 30
                delay: 2
                public: true
                tags: [eu, prod]
            contacts:
              ops:
                type: webhook
                data: {url: "https://hooks.example.com/********", headers: "********"}
            alerts:
              - {check: web, contact: ops}
            """
        let kept = try plan(catalog, smaller)
        #expect(kept.isEmpty, "\(kept.lines)")
        #expect(kept.count(.keep) == 4, "\(kept.lines)")   // db, page, and the alerts web -> page and db -> ops
        #expect(kept.lines.map(\.description).contains("! check db (id 2): not in the file, kept (--prune deletes it)"))

        let before = try Snapshot(store: store)
        let pruning = try plan(catalog, smaller, prune: true)
        #expect(pruning.count(.delete) == 4 && pruning.count(.add) == 0 && pruning.count(.change) == 0, "\(pruning.lines)")
        try catalog.apply(pruning)
        #expect(try store.checkRows().map(\.name) == ["web"])
        #expect(try store.contacts().map(\.id) == [before.contacts[0].id])
        #expect(try store.alerts().count == 1)
        // The masked values kept what was stored.
        #expect(try store.checkRows()[0].data == before.checks[0].data)
        #expect(try store.contacts()[0].data == before.contacts[0].data)
        #expect(try plan(catalog, smaller, prune: true).isEmpty)

        // A mask where the shown value had none would store the mask as the secret: refused.
        let stray = smaller.replacingOccurrences(of: "https://********@www", with: "https://user:********@www")
        let error = try #require(throws: ConfigAsCodeError.self) { try plan(catalog, stray) }
        #expect(error.problems.map(\.line) == [4], "\(error)")
        #expect(error.description.contains("check 'web': its data holds the mask ******** where no stored secret matches it"), "\(error)")
    }

    @Test("a broken file is refused with its line and the fix, and changes nothing", arguments: StoreBackend.allCases)
    func brokenFiles(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        try catalog.apply(try plan(catalog, Self.file))
        let before = try Snapshot(store: store)
        let cases: [(text: String, line: Int?, words: String)] = [
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n  a:\n    type: tcp\n", 2, "the key 'a' appears more than once"),
            ("checks:\n  a:\n    type: nosuch\n", 3, "unknown check type 'nosuch'; registered check types:"),
            ("checks:\n  a:\n    type: tcp\n    data:\n      adress: x\n", 4, "unknown parameter 'adress' (did you mean 'address'?)"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\", timeout: ten}\n", 4, "parameter 'timeout': must be an integer, got a string"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\nalerts:\n  - {check: a, contact: nobody}\n", 6, "the alert names contact 'nobody', which is not under contacts"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n    interval: 60s\n", 5, "interval of check 'a' must be a whole number of seconds from 1 to 31622400, got '60s'"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n    interval: -5\n", 5, "got '-5'"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n    delay: 99999999999999999999999\n", 5, "out of range"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\", timeout: .inf}\n", 4, "out of range"),
            ("checks:\n  a:\n    type: tcp\n    enabled: yes\n    data: {address: \"127.0.0.1:1\"}\n", 4, "enabled of check 'a' must be true or false, got 'yes'"),
            ("checks:\n  a:\n    type: tcp\n    data: [1, 2]\n", 4, "data of check 'a' must be a mapping"),
            ("checks:\n  a:\n    type: tcp\n    data: \"127.0.0.1:1\"\n", 4, "data of check 'a' must be a mapping of the type's parameters, got text"),
            ("checks:\n  a:\n    type: tcp\n    intervl: 5\n", 4, "unknown field 'intervl' in check 'a'; the fields are type, data, interval"),
            ("chekcs: {}\n", 1, "unknown section 'chekcs'; a catalog has checks, contacts, alerts and maintenances"),
            ("checks:\n  a:\n    type: http\n    data: {url: \"https://x.example\", password: \"********\"}\n", 4, "check 'a' is new, so: parameter 'password': is the mask ********, but nothing is stored to keep"),
            ("contacts:\n  c:\n    type: http\n    data: \"https://hooks.example.com/********\"\n", 4, "contact 'c' is new, so:"),
            ("contacts:\n  contact-999:\n    type: http\n    data: https://x.example/\n", 2, "the name 'contact-999' stands for the unnamed contact 999, which does not exist"),
            ("checks: [\n", 2, "not valid YAML"),
            ("checks:\n  a: {type: tcp, data: {address: \"127.0.0.1:1\"}}\n  b: *a\n", 3, "YAML aliases (*name) are not accepted"),
            ("", 1, "the file holds no YAML"),
            ("checks:\n  " + String(repeating: "x", count: 65) + ":\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n", 2, "a name in checks is 65 characters; at most 64 fit"),
            ("checks: {}\n" + String(repeating: "k", count: 1000) + ": 1\n", 2, "unknown section 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…'"),
            ("alerts:\n  - {check: " + String(repeating: "c", count: 70) + ", contact: x}\n", 2, "check of the alert is 70 characters; at most 64"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n    tags: [ok, \"not ok\"]\n", 5, "tag \"not ok\" is not 1 to 64 of letters, digits"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n    delay: 10001\n", 5, "delay of check 'a' must be a whole number of rounds from 0 to 10000, got '10001'"),
            ("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n    tags: db\n", 5, "tags of check 'a' must be a list"),
            ("alerts:\n  - {check: web, contact: ops, type: sometimes}\n", 2, "alert type must be both, online or offline, got 'sometimes'"),
        ]
        for (text, line, words) in cases {
            do {
                _ = try plan(catalog, text, prune: true)
                Issue.record("accepted: \(text)")
            } catch let error as ConfigAsCodeError {
                #expect(error.problems.contains { $0.line == line && $0.message.contains(words) }, "\(text) -> \(error)")
                #expect(error.description.hasSuffix("nothing was changed"))
                #expect(error.description.contains("bearmon.yaml:"))
            }
            #expect(try Snapshot(store: store) == before)
        }
        // Every problem at once, each on its line.
        let many = "checks:\n  a:\n    type: tcp\n    enabled: maybe\n  b:\n    type: tcp\n    interval: 0\n"
        let error = try #require(throws: ConfigAsCodeError.self) { try plan(catalog, many) }
        #expect(error.problems.map(\.line) == [4, 7], "\(error)")
        let invalid = "checks:\n  a:\n    type: nosuch\n  b:\n    type: tcp\n    data: {adress: x}\n"
        let refused = try #require(throws: ConfigAsCodeError.self) { try plan(catalog, invalid) }
        #expect(refused.problems.map(\.line) == [3, 6], "\(refused)")
        // A file wrong throughout names the first 50 problems and counts the rest.
        let everywhere = "checks:\n" + (1...300).map { "  c\($0): {type: tcp, data: {address: \"127.0.0.1:1\"}, interval: 0}\n" }.joined()
        let flood = try #require(throws: ConfigAsCodeError.self) { try plan(catalog, everywhere) }
        #expect(flood.problems.count == 300)
        #expect(flood.description.split(separator: "\n").count == 52)
        #expect(flood.description.contains("bearmon.yaml: and 250 more problems"))
    }

    @Test("hostile files are refused quickly: bombs, deep nesting, huge, not UTF-8", arguments: StoreBackend.allCases)
    func hostileFiles(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        try catalog.apply(try plan(catalog, Self.file))
        let before = try Snapshot(store: store)
        var laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (level, previous) in zip("bcdefghij", "abcdefghi") {
            laughs += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let keyBomb = laughs + "checks:\n  ? *j\n  : x\n"
        let cases: [(bytes: [UInt8], words: String)] = [
            (Array(laughs.utf8), "YAML aliases (*name) are not accepted"),
            (Array(keyBomb.utf8), "YAML aliases (*name) are not accepted"),
            (Array(("checks: " + String(repeating: "[", count: 100_000)).utf8), "the YAML nests deeper than 1000 levels"),
            (Array(("checks:\n" + (0..<3000).map { String(repeating: " ", count: 2 + $0) + "k\($0):\n" }.joined()).utf8), "the YAML nests deeper than 1000 levels"),
            (Array(("checks:\n  a:\n    type: tcp\n    data:\n" + (1...60).map { String(repeating: " ", count: 4 + 2 * $0) + "k\($0):\n" }.joined()).utf8), "data nests deeper than 32 levels"),
            (Array("checks: {}\n".utf8) + Array(repeating: UInt8(ascii: "#"), count: CatalogDocument.maxFileBytes), "more than the 8388608 accepted"),
            (Array("checks:\n  caf".utf8) + [0xE9] + Array(":\n    type: tcp\n".utf8), "not UTF-8"),
            (Array("checks:\n  a:\n    type: tcp\u{0}\n".utf8), "not valid YAML"),
            (Array("checks:\n  a:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n---\nchecks: {}\n".utf8), "not valid YAML"),
        ]
        for (bytes, words) in cases {
            let started = ContinuousClock.now
            do {
                _ = try catalog.plan(bytes, file: "bomb.yaml", prune: true)
                Issue.record("accepted: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
            } catch let error as ConfigAsCodeError {
                #expect(error.description.contains(words), "\(error.description.prefix(500))")
            }
            // A deadline, not a benchmark: a bomb that expanded would take minutes.
            #expect(ContinuousClock.now - started < .seconds(20))
            #expect(try Snapshot(store: store) == before)
        }
    }

    @Test("two stored checks with one name, or two alerts for one pair: apply and export refuse and name the ids", arguments: StoreBackend.allCases)
    func ambiguousStore(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        let first = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:1"}"#))
        let second = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:2"}"#))
        let expected = "checks \(first), \(second) share the name 'web'"
        #expect { try plan(catalog, "checks: {}\n") } throws: { ($0 as? CatalogError)?.message.contains(expected) == true }
        #expect { try catalog.export(withSecrets: false) } throws: { ($0 as? CatalogError)?.message.contains("bearmon checks edit \(second) --name NEW") == true }

        try store.updateCheck(second, with: NewCheck(name: "web2", type: "tcp", data: #"{"address":"127.0.0.1:2"}"#))
        let contact = try store.addContact(type: "http", data: "https://x.example/")
        let alerts = try [store.addAlert(checkID: first, contactID: contact, type: .both), store.addAlert(checkID: first, contactID: contact, type: .offline)]
        #expect { try catalog.export(withSecrets: false) } throws: {
            ($0 as? CatalogError)?.message.contains("alerts \(alerts[0]), \(alerts[1]) all link check 'web' to contact 'contact-\(contact)'") == true
        }
    }

    @Test("an unnamed contact goes by contact-ID and stays unnamed", arguments: StoreBackend.allCases)
    func unnamedContacts(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:1"}"#))
        let contact = try store.addContact(type: "webhook", data: "https://hooks.example.com/T0/B0/secret")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .offline)
        let exported = try catalog.export(withSecrets: false)
        #expect(exported.contains("contact-\(contact):"), "\(exported)")
        #expect(!exported.contains("secret"))
        #expect(try plan(catalog, exported, prune: true).isEmpty)
        let changed = exported.replacingOccurrences(of: "type: offline", with: "type: both")
        try catalog.apply(try plan(catalog, changed, prune: true))
        #expect(try store.contactNames().isEmpty)
        #expect(try store.alerts().map(\.type) == [.both])
        #expect(try store.contacts().map(\.data) == ["https://hooks.example.com/T0/B0/secret"])
    }

    @Test("a stored row the types would now refuse exports and applies back unchanged; an edit to it is validated", arguments: StoreBackend.allCases)
    func legacyRows(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        // gobearmon accepted keys bearmon does not declare; strict validation would refuse this row.
        // Nor did it mind a name with a space at its end.
        _ = try store.addCheck(NewCheck(name: "old ", type: "tcp", data: #"{"address":"127.0.0.1:1","legacy":true}"#))
        let exported = try catalog.export(withSecrets: false)
        #expect(try plan(catalog, exported).isEmpty)
        // A row that cannot run at all (its data is not JSON) also exports and applies back as it is.
        let poison = try store.addCheck(NewCheck(name: "poison", type: "tcp", data: "not json {"))
        let withPoison = try catalog.export(withSecrets: false)
        #expect(try plan(catalog, withPoison).isEmpty)
        let fixed = try plan(catalog, withPoison.replacingOccurrences(of: "data: not json {", with: "data: {address: \"127.0.0.1:3\"}"))
        #expect(fixed.lines.map(\.description) == ["~ check poison (id \(poison)): data not json { -> {\"address\":\"127.0.0.1:3\"}"], "\(withPoison)")
        let edited = exported.replacingOccurrences(of: "127.0.0.1:1", with: "127.0.0.1:2")
        let error = try #require(throws: ConfigAsCodeError.self) { try plan(catalog, edited) }
        #expect(error.description.contains("unknown parameter 'legacy'"), "\(error)")
    }

    @Test("README's full example applies, and its export applies back to no change")
    func readmeExample() throws {
        let readme = try String(contentsOfFile: TestPaths.repoRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "A full file:\n\n```yaml\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        // The example names the unnamed contact 3.
        for number in 1...3 { _ = try store.addContact(type: "sms", data: "+1555000000\(number)") }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        let plan = try catalog.plan(Array(readme[start.upperBound..<end.lowerBound].utf8), file: "README.md", prune: false)
        #expect(plan.count(.add) == 12 && plan.count(.change) == 1, "\(plan.lines)")
        try catalog.apply(plan)
        #expect(try catalog.plan(Array(catalog.export(withSecrets: false).utf8), file: "export", prune: true).isEmpty)
    }

    @Test("the transaction is all or nothing: a clash found while applying leaves every row as it was", arguments: StoreBackend.allCases)
    func allOrNothing(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: Self.host)
        let plan = try plan(catalog, Self.file)
        // Someone takes the name "page" between the plan and the apply.
        try store.applyCatalog([.addContact(key: "x", type: "http", data: "https://other.example/", name: "page")])
        let before = try Snapshot(store: store)
        #expect(throws: StoreError.self) { try catalog.apply(plan) }
        #expect(try Snapshot(store: store) == before)
    }
}
