import Foundation
import Testing

/// `bearmon checks add|edit --nodes` through the binary, on SQLite: stored, shown, replaced,
/// cleared; bad names refused with the field named.
@Suite("checks --nodes")
struct PinnedCheckCLITests {
    @Test("--nodes pins a check, show and list say so, an edit replaces the nodes and \"\" unpins; an empty or huge name is refused")
    func nodes() async throws {
        let dir = try TempDirectory()
        let db = "sqlite:" + dir.file("m.sqlite")
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        func run(_ arguments: [String]) async throws -> CommandResult {
            try await Command.bearmon(arguments + ["--db", db, "--plugins", dir.path])
        }
        let added = try await run(["checks", "add", "--name", "disk", "--type", "fixture", "--data", "{}", "--nodes", "db1, future-node,db1"])
        #expect(added.status == 0, "\(added.stderr)")
        let shown = try await run(["checks", "show", "1"])
        #expect(shown.stdout.contains("check 1 runs only on: db1, future-node"), "\(shown.stdout)")
        let json = try await run(["checks", "list", "--json"])
        #expect(json.stdout.contains(#""nodes":["db1","future-node"]"#), "\(json.stdout)")
        #expect(try await run(["checks", "edit", "1", "--nodes", "eu-1"]).status == 0)
        #expect(try await run(["checks", "show", "1"]).stdout.contains("check 1 runs only on: eu-1"))
        #expect(try await run(["checks", "edit", "1", "--nodes", ""]).status == 0)
        #expect(!(try await run(["checks", "show", "1"]).stdout.contains("runs only on")))
        let huge = try await run(["checks", "edit", "1", "--nodes", String(repeating: "n", count: 200)])
        #expect(huge.status != 0 && huge.stderr.contains("check nodes: node 'nnnn"), "\(huge.stderr)")
    }
}
