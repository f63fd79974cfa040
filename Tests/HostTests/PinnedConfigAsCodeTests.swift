import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore

/// A check's `nodes` in config as code: applied in the same transaction as the check,
/// exported, applied back as no change, changed and cleared in place; bad names refused.
@Suite("config as code: pinned nodes")
struct PinnedConfigAsCodeTests {
    static let file = """
        checks:
          disk:
            type: tcp
            data: {address: "127.0.0.1:22"}
            nodes: [db1, db2, db1]
          free:
            type: tcp
            data: {address: "127.0.0.1:80"}

        """

    @Test("apply pins, export shows nodes, the export applies back unchanged, an edit re-pins and unpins", arguments: StoreBackend.allCases)
    func roundTrip(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        let first = try catalog.plan(Array(Self.file.utf8), file: "b.yaml", prune: false)
        #expect(first.lines.map(\.description).contains { $0.contains("check disk runs only on: db1, db2") }, "\(first.lines)")
        try catalog.apply(first)
        let disk = try #require(try store.checkRows().first { $0.name == "disk" }?.id)
        #expect(try store.checkNodes() == [disk: ["db1", "db2"]])
        let exported = try catalog.export(withSecrets: false)
        #expect(exported.contains("nodes: [db1, db2]"), "\(exported)")
        let again = try catalog.plan(Array(exported.utf8), file: "export.yaml", prune: false)
        #expect(again.changes.isEmpty, "\(again.lines)")

        let moved = try catalog.plan(Array(Self.file.replacingOccurrences(of: "nodes: [db1, db2, db1]", with: "nodes: [eu-1]").utf8), file: "b.yaml", prune: false)
        #expect(moved.lines.map(\.description).contains { $0.contains("check disk (id \(disk)): nodes [db1, db2] -> [eu-1]") }, "\(moved.lines)")
        try catalog.apply(moved)
        #expect(try store.checkNodes() == [disk: ["eu-1"]])
        let unpinned = try catalog.plan(Array(Self.file.replacingOccurrences(of: "    nodes: [db1, db2, db1]\n", with: "").utf8), file: "b.yaml", prune: false)
        try catalog.apply(unpinned)
        #expect(try store.checkNodes().isEmpty)
    }

    @Test("nodes that are not a list of node names are refused at their line", arguments: [
        ("nodes: w1", "nodes of check 'disk' must be a list such as [w1, w2]"),
        ("nodes: [\"\"]", "node '' of check 'disk': name is empty"),
        ("nodes: [{a: b}]", "a node of check 'disk' must be a node name"),
    ])
    func refused(line: String, expected: String) throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        let text = Self.file.replacingOccurrences(of: "nodes: [db1, db2, db1]", with: line)
        #expect { try catalog.plan(Array(text.utf8), file: "b.yaml", prune: false) } throws: { "\($0)".contains(expected) && "\($0)".contains("b.yaml:") }
        #expect(try store.checkRows().isEmpty)
    }
}
