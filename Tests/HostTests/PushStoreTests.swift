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

/// The push tables through the Store protocol, on both backends: a push replaces the node's
/// previous one, queries filter and leave out what expired, and reaping is idempotent.
@Suite("store: pushes (SQLite and MySQL)")
struct PushStoreTests {
    static func row(_ kind: PushKind, id: String = "", node: String, service: String = "app", status: Int64 = 1,
                    receivedAt: Int64, interval: Int64 = 10, ttl: Int64 = 30) -> PushRow {
        PushRow(kind: kind, healthCheckID: id, nodeID: node, serviceName: service, serviceVersion: "1", status: kind == .stats ? 0 : status,
                info: kind == .status ? "serving" : "", timestamp: receivedAt, receivedAt: receivedAt,
                intervalSeconds: interval, ttlSeconds: ttl, body: #"{"n":"\#(node)"}"#)
    }

    @Test("a push replaces that node's previous one for the same key; queries filter by service and id", arguments: StoreBackend.allCases)
    func replaceAndFilter(backend: StoreBackend) async throws {
        let rows = try await offPool {
            let (store, keep) = try backend.makeStore()
            defer { withExtendedLifetime(keep) {} }
            try store.savePush(Self.row(.healthCheck, id: "ping", node: "n2", receivedAt: 1_000))
            try store.savePush(Self.row(.healthCheck, id: "ping", node: "n1", status: 2, receivedAt: 1_000))
            try store.savePush(Self.row(.healthCheck, id: "ping", node: "n1", status: 1, receivedAt: 2_000))
            try store.savePush(Self.row(.healthCheck, id: "pong", node: "n1", service: "other", receivedAt: 2_000))
            try store.savePush(Self.row(.status, node: "n1", receivedAt: 1_000))
            try store.savePush(Self.row(.status, node: "n1", status: 3, receivedAt: 2_000))
            try store.savePush(Self.row(.stats, node: "n1", receivedAt: 2_000))
            return (
                all: try store.pushes(.healthCheck, service: nil, id: nil, now: 3_000),
                ping: try store.pushes(.healthCheck, service: nil, id: "ping", now: 3_000),
                other: try store.pushes(.healthCheck, service: "other", id: nil, now: 3_000),
                status: try store.pushes(.status, service: "app", id: "n1", now: 3_000),
                stats: try store.pushes(.stats, service: nil, id: nil, now: 3_000)
            )
        }
        #expect(rows.all.map { "\($0.healthCheckID)/\($0.nodeID)" } == ["ping/n1", "ping/n2", "pong/n1"])
        #expect(rows.ping.first == Self.row(.healthCheck, id: "ping", node: "n1", status: 1, receivedAt: 2_000))
        #expect(rows.other.map(\.healthCheckID) == ["pong"])
        #expect(rows.status == [Self.row(.status, node: "n1", status: 3, receivedAt: 2_000)])
        #expect(rows.stats == [Self.row(.stats, node: "n1", receivedAt: 2_000)])
    }

    @Test("keys are compared byte for byte: ids and nodes that differ only in case or accents are separate entries", arguments: StoreBackend.allCases)
    func exactKeys(backend: StoreBackend) async throws {
        let rows = try await offPool {
            let (store, keep) = try backend.makeStore()
            defer { withExtendedLifetime(keep) {} }
            for id in ["bearmon.node.alive", "BEARMON.node.alive", "b\u{e9}armon.node.alive"] {
                try store.savePush(Self.row(.healthCheck, id: id, node: "n1", receivedAt: 1_000))
            }
            for node in ["n1", "N1", "n\u{131}"] {
                try store.savePush(Self.row(.status, node: node, receivedAt: 1_000))
            }
            return (try store.pushes(.healthCheck, service: nil, id: nil, now: 2_000), try store.pushes(.status, service: nil, id: nil, now: 2_000))
        }
        #expect(Set(rows.0.map(\.healthCheckID)) == ["bearmon.node.alive", "BEARMON.node.alive", "b\u{e9}armon.node.alive"])
        #expect(Set(rows.1.map(\.nodeID)) == ["n1", "N1", "n\u{131}"])
    }

    @Test("reaping deletes expired pushes and marks stale statuses UNKNOWN; running it twice changes nothing more", arguments: StoreBackend.allCases)
    func reaping(backend: StoreBackend) async throws {
        let outcome = try await offPool {
            let (store, keep) = try backend.makeStore()
            defer { withExtendedLifetime(keep) {} }
            for kind in PushKind.allCases {
                let id = kind == .healthCheck ? "hc" : ""
                try store.savePush(Self.row(kind, id: id, node: "fresh", receivedAt: 95_000))
                try store.savePush(Self.row(kind, id: id, node: "stale", receivedAt: 80_000))
                try store.savePush(Self.row(kind, id: id, node: "gone", receivedAt: 60_000))
            }
            // Expired rows are left out of queries even before a reaper removes them.
            let beforeReaping = try store.pushes(.status, service: nil, id: nil, now: 100_000).map(\.nodeID)
            let first = try store.reapPushes(now: 100_000)
            let second = try store.reapPushes(now: 100_000)
            let remaining = try PushKind.allCases.map { try store.pushes($0, service: nil, id: nil, now: 0).map(\.nodeID) }
            let statuses = try store.pushes(.status, service: nil, id: nil, now: 0)
            return (beforeReaping, first, second, remaining, statuses)
        }
        #expect(outcome.0 == ["fresh", "stale"])
        #expect(outcome.1 == PushReaping(expired: 3, markedUnknown: 1))
        #expect(outcome.2.expired == 0)
        #expect(outcome.3 == Array(repeating: ["fresh", "stale"], count: 3))
        let stale = try #require(outcome.4.first { $0.nodeID == "stale" })
        #expect(stale.status == 0 && stale.info == "Last update 20s ago")
        let fresh = try #require(outcome.4.first { $0.nodeID == "fresh" })
        #expect(fresh.status == 1 && fresh.info == "serving")
    }

    @Test("a stale status is marked UNKNOWN once: later passes update no row", arguments: StoreBackend.allCases)
    func staleMarkedOnce(backend: StoreBackend) async throws {
        let marked = try await offPool {
            let (store, keep) = try backend.makeStore()
            defer { withExtendedLifetime(keep) {} }
            try store.savePush(Self.row(.status, node: "stale", receivedAt: 80_000))
            // Stale from 90 s, expired at 110 s: every pass below sees it stale.
            return try [100_000, 102_000, 104_000].map { try store.reapPushes(now: $0).markedUnknown }
        }
        #expect(marked == [1, 0, 0], "rows updated per pass")
    }

    @Test("a batch is bounded by maxEntries over all push tables: new entries past it are refused, updates taken", arguments: StoreBackend.allCases)
    func boundedBatch(backend: StoreBackend) async throws {
        let outcome = try await offPool {
            let (store, keep) = try backend.makeStore()
            defer { withExtendedLifetime(keep) {} }
            try store.savePush(Self.row(.status, node: "n0", receivedAt: 1_000))
            let first = try store.savePushes((1...4).map { Self.row(.healthCheck, id: "hc\($0)", node: "n", receivedAt: 1_000) }, maxEntries: 3)
            let second = try store.savePushes([Self.row(.healthCheck, id: "hc1", node: "n", status: 2, receivedAt: 2_000),
                                               Self.row(.stats, node: "n9", receivedAt: 2_000),
                                               Self.row(.status, node: "n0", status: 3, receivedAt: 2_000)], maxEntries: 3)
            let stored = try store.pushes(.healthCheck, service: nil, id: nil, now: 3_000)
            return (first, second, stored)
        }
        #expect(outcome.0 == [.saved, .saved, .full, .full])
        #expect(outcome.1 == [.saved, .full, .saved])
        #expect(outcome.2.map(\.healthCheckID) == ["hc1", "hc2"] && outcome.2.first?.status == 2)
    }

    @Test("queries filter by status and window by limit and offset in SQL", arguments: StoreBackend.allCases)
    func selection(backend: StoreBackend) async throws {
        let pages = try await offPool {
            let (store, keep) = try backend.makeStore()
            defer { withExtendedLifetime(keep) {} }
            for i in 0..<6 { try store.savePush(Self.row(.healthCheck, id: "hc\(i)", node: "n", status: Int64(i % 2 + 1), receivedAt: 1_000)) }
            return try [PushSelection(status: 2), PushSelection(status: 1, limit: 2, offset: 1), PushSelection(limit: 2, offset: 5),
                        PushSelection(offset: 4)].map { try store.pushes(.healthCheck, $0, now: 2_000).map(\.healthCheckID) }
        }
        #expect(pages == [["hc1", "hc3", "hc5"], ["hc2", "hc4"], ["hc5"], ["hc4", "hc5"]])
    }
}
