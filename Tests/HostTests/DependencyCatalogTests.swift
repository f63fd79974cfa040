import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore

/// Dependencies between checks (issue 22) through the three ways in: the API's `dependsOn`
/// (the catalog service the REST API and the CLI share), `bearmon checks edit --depends-on`
/// through the binary, and config as code's `depends_on`; with hostile input at each.
@Suite("dependencies in the catalog, the CLI and config as code")
struct DependencyCatalogTests {
    private func refusal(_ body: () throws -> Void) -> CatalogError? {
        do { try body() } catch let error as CatalogError { return error } catch { Issue.record("not a CatalogError: \(error)") }
        return nil
    }

    @Test("dependsOn: set, shown, cleared; cycles, itself, unknown, huge, negative, non-numbers and 1,000 parents refused with the reason", arguments: StoreBackend.allCases)
    func api(_ backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = LocalCatalog(store: store, host: ProductChecks().host)
        func check(_ name: String, _ extra: String = "") throws -> CheckResource {
            try catalog.createCheck(try JSONValue.parse(#"{"name":"\#(name)","type":"http","data":{"url":"http://127.0.0.1:9/"}\#(extra)}"#))
        }
        let router = try check("router")
        #expect(router.dependsOn == [])
        let web = try check("web", #","dependsOn":[\#(router.id)]"#)
        #expect(web.dependsOn == [router.id])
        #expect(try catalog.check(web.id).dependsOn == [router.id])
        guard case .object(let shown) = LocalCatalog.json(web) else { Issue.record("not an object"); return }
        #expect(shown["dependsOn"] == .array([.int(router.id)]))

        func patch(_ id: Int64, _ body: String) -> CatalogError? {
            refusal { _ = try catalog.updateCheck(id, patch: try JSONValue.parse(body), quiet: true) }
        }
        let cycle = patch(router.id, #"{"dependsOn":[\#(web.id)]}"#)
        #expect(cycle?.kind == .invalid && cycle?.message.contains("cycle: check \(router.id) → check \(web.id) → check \(router.id)") == true, "\(String(describing: cycle))")
        #expect(patch(web.id, #"{"dependsOn":[\#(web.id)]}"#)?.message.contains("cannot depend on itself") == true)
        #expect(patch(web.id, #"{"dependsOn":[999]}"#)?.message.contains("cannot depend on check 999: it does not exist") == true)
        #expect(patch(web.id, #"{"dependsOn":[9223372036854775807]}"#)?.kind == .invalid)
        #expect(patch(web.id, #"{"dependsOn":[-3]}"#)?.message.contains("positive check ids") == true)
        #expect(patch(web.id, #"{"dependsOn":["router"]}"#)?.message.contains("positive check ids") == true)
        #expect(patch(web.id, #"{"dependsOn":3}"#)?.message.contains("must be an array of check ids") == true)
        let many = (1...1_000).map(String.init).joined(separator: ",")
        #expect(patch(web.id, #"{"dependsOn":[\#(many)]}"#)?.message.contains("at most 32 parents") == true)
        // Nothing refused changed anything; a patch without dependsOn keeps them; null clears them.
        #expect(try store.dependencies() == [web.id: [router.id]])
        _ = try catalog.updateCheck(web.id, patch: try JSONValue.parse(#"{"interval":30}"#), quiet: true)
        #expect(try store.dependencies() == [web.id: [router.id]])
        _ = try catalog.updateCheck(web.id, patch: try JSONValue.parse(#"{"dependsOn":[]}"#), quiet: true)
        #expect(try store.dependencies().isEmpty)
        // Deleting a parent removes its edges.
        _ = try catalog.updateCheck(web.id, patch: try JSONValue.parse(#"{"dependsOn":[\#(router.id)]}"#), quiet: true)
        try catalog.deleteCheck(router.id, quiet: true)
        #expect(try catalog.check(web.id).dependsOn == [])
    }

    @Test("checks edit --depends-on 3,4 and --no-depends-on through the binary; bad lists are refused before anything is written")
    func cli() async throws {
        let dir = try TempDirectory()
        let db = "sqlite:" + dir.file("d.sqlite")
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        func run(_ arguments: [String]) async throws -> CommandResult {
            try await Command.bearmon(arguments + ["--db", db, "--plugins", dir.path])
        }
        for name in ["router", "switch", "web"] {
            let added = try await run(["checks", "add", "--name", name, "--type", "fixture", "--data", #"{"mode":"online"}"#])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let set = try await run(["checks", "edit", "3", "--depends-on", "1,2"])
        #expect(set.status == 0 && set.stdout.contains("changed check 3 (web)"), "\(set.stderr)")
        let store = SQLStore(database: try SQLiteDatabase(path: dir.file("d.sqlite")))
        #expect(try store.dependencies() == [3: [1, 2]])
        let cycle = try await run(["checks", "edit", "1", "--depends-on", "3"])
        #expect(cycle.status == 1 && cycle.stderr.contains("cycle: check 1 → check 3 → check 1"), "\(cycle.stderr)")
        for bad in ["x", "-1", "0", "1,,2", ",", "99999999999999999999"] {
            let refused = try await run(["checks", "edit", "3", "--depends-on=\(bad)"])
            #expect(refused.status != 0 && refused.stderr.contains("--depends-on takes positive check ids"), "\(bad): \(refused.stderr)")
        }
        let empty = try await run(["checks", "edit", "3", "--depends-on="])
        #expect(empty.status != 0 && empty.stderr.contains("Missing value for '--depends-on"), "\(empty.stderr)")
        let both = try await run(["checks", "edit", "3", "--depends-on", "1", "--no-depends-on"])
        #expect(both.status != 0 && both.stderr.contains("not both"))
        #expect(try store.dependencies() == [3: [1, 2]])
        let cleared = try await run(["checks", "edit", "3", "--no-depends-on"])
        #expect(cleared.status == 0, "\(cleared.stderr)")
        #expect(try store.dependencies().isEmpty)
    }

    @Test("config as code: depends_on by name, exported and applied back unchanged; an unknown name, itself, and a cycle are refused", arguments: StoreBackend.allCases)
    func configAsCode(_ backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        func file(_ web: String, router: String = "") -> String {
            """
            checks:
              router:
                type: tcp
                data: {address: "127.0.0.1:9", timeout: 5}
            \(router)
              web:
                type: tcp
                data: {address: "127.0.0.1:10", timeout: 5}
            \(web)

            """
        }
        let plan = try catalog.plan(Array(file("    depends_on: [router]").utf8), file: "c.yaml", prune: false)
        #expect(plan.lines.map(\.description).contains("+ check web depends on router"), "\(plan.lines)")
        try catalog.apply(plan)
        let ids = Dictionary(try store.checkRows().map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        #expect(try store.dependencies() == [ids["web"]!: [ids["router"]!]])
        let exported = try catalog.export(withSecrets: false)
        #expect(exported.contains("depends_on: [router]"), "\(exported)")
        #expect(try catalog.plan(Array(exported.utf8), file: "c.yaml", prune: false).isEmpty)

        func problem(_ text: String) -> String {
            do { _ = try catalog.apply(try catalog.plan(Array(text.utf8), file: "c.yaml", prune: false)); return "" } catch { return "\(error)" }
        }
        #expect(problem(file("    depends_on: [gateway]")).contains("c.yaml:9: check 'web' depends on 'gateway', which is not under checks in this file"))
        #expect(problem(file("    depends_on: [web]")).contains("check 'web' cannot depend on itself"))
        #expect(problem(file("    depends_on: router")).contains("depends_on of check 'web' must be a list such as [router]"))
        #expect(problem(file("    depends_on: [router]", router: "    depends_on: [web]")).contains("cycle"))
        // Nothing refused changed anything.
        #expect(try store.dependencies() == [ids["web"]!: [ids["router"]!]])
    }
}
