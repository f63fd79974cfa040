import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// Pinning (`--nodes`): in a real three-worker cluster, a check pinned to one node runs only
/// there, and flips on that one node's verdict though `confirmations` is 2.
@Suite("pinned checks in a cluster")
struct PinnedCheckClusterTests {
    @Test("a check pinned to w2 runs only on w2 and flips with one confirmation; an unpinned one rotates")
    func pinnedToOne() async throws {
        let cluster = try await Cluster(workers: 3, confirmations: 2)
        defer { cluster.stop() }
        let pinned = try cluster.store.addCheck(NewCheck(name: "local", type: "fixture", data: #"{"mode":"offline","message":"down here"}"#, interval: 1, delay: 0))
        try cluster.store.setCheckNodes(pinned, ["w2"])
        let free = try cluster.store.addCheck(NewCheck(name: "free", type: "fixture", data: #"{"mode":"online"}"#, interval: 1, delay: 0))
        let nodesOf: @Sendable (Int64) throws -> [String] = { id in
            try cluster.store.database.query("SELECT node FROM check_results WHERE check_id = ?", [.int(id)]).map { $0.string(0) }
        }
        let (enough, flipped) = try await offPool {
            try cluster.start()
            let enough = waitUntil(timeout: 60) { ((try? nodesOf(pinned).count) ?? 0) >= 8 && ((try? nodesOf(free).count) ?? 0) >= 8 }
            let flipped = waitUntil(timeout: 30) { (try? cluster.store.checkRow(pinned)?.status) == "offline" }
            return (enough, flipped)
        }
        #expect(enough, "\(cluster.logs)")
        let pinnedNodes = try nodesOf(pinned), freeNodes = try nodesOf(free)
        #expect(Set(pinnedNodes) == ["w2"], "\(pinnedNodes)")
        #expect(Set(freeNodes).count >= 2, "\(freeNodes)")
        #expect(flipped, "pinned to one node, one offline verdict is all of them")
        #expect(try cluster.store.checkNodes() == [pinned: ["w2"]])
    }

    @Test("the catalog stores, shows and validates nodes: unknown names are kept, bad ones refused, an edit replaces them",
          arguments: StoreBackend.allCases)
    func catalog(backend: StoreBackend) async throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = LocalCatalog(store: store, host: ProductChecks().host)
        let added = try catalog.createCheck(.object([
            "name": .string("disk"), "type": .string("tcp"), "data": .object(["address": .string("127.0.0.1:22")]),
            "nodes": .array([.string("db1"), .string("not-yet-a-node"), .string("db1")]),
        ]))
        #expect(added.nodes == ["db1", "not-yet-a-node"])
        let edited = try catalog.updateCheck(added.id, patch: .object(["nodes": .array([.string("eu-1")])]))
        #expect(edited.nodes == ["eu-1"])
        #expect(try catalog.updateCheck(added.id, patch: .object(["name": .string("disk2")])).nodes == ["eu-1"], "an edit without nodes keeps them")
        #expect(try catalog.updateCheck(added.id, patch: .object(["nodes": .null])).nodes == nil, "null unpins")
        for bad: JSONValue in [.array([.string("")]), .array([.string(String(repeating: "n", count: 129))]), .string("w1"), .array([.int(1)])] {
            #expect(throws: CatalogError.self) { try catalog.updateCheck(added.id, patch: .object(["nodes": bad])) }
        }
        try catalog.deleteCheck(added.id, quiet: true)
        #expect(try store.checkNodes().isEmpty)
    }
}
