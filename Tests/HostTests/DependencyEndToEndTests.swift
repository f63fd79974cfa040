import BearmonSystem
import Foundation
import Synchronization
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Dependencies between checks end to end (issue 22): a standalone node runs a router check
/// and three children behind it, each an http check against its own loopback server, and
/// notifies a real webhook receiver; every notification is counted with its event id, across
/// a kill -9 of the node in the middle where the test says so.
@Suite("dependencies end to end")
struct DependencyEndToEndTests {
    /// The node, the router and its three children, all alerting one webhook.
    struct Network {
        let node: LedgerNode
        let router: Int64
        let children: [Int64]

        init() async throws {
            node = try await LedgerNode()
            router = try await node.addCheckOnOwnServer("router")
            var children: [Int64] = []
            for name in ["web1", "web2", "web3"] { children.append(try await node.addCheckOnOwnServer(name)) }
            self.children = children
            try node.store.database.execute("UPDATE checks SET name = 'router' WHERE id = ?", [.int(router)])
            let hook = try node.addWebhook()
            for check in [router] + children { try node.alert(check, hook) }
            try node.depend(children, on: router)
        }

        var all: [Int64] { [router] + children }
        func rows(_ check: Int64) -> [OutboxEntry] { node.outbox().filter { $0.checkID == check } }
    }

    @Test("parent and three children down together: one notification (the parent's), three suppressed entries; then the parent recovers while one child is still down: that child's offline then, its online later",
          arguments: [false, true])
    func routerDown(crash: Bool) async throws {
        let net = try await Network()
        let node = net.node
        let (router, children) = (net.router, net.children)
        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults(net.all) else { return "the checks never ran" }
            for name in ["router", "web1", "web2", "web3"] { try node.set(name, up: false) }
            guard node.awaitStatus(net.all, .offline) else { return "not everything went offline" }
            guard waitUntil(timeout: 30, { children.allSatisfy { net.rows($0).contains { $0.state == .suppressed } } }) else {
                return "the children's offlines were not suppressed: \(node.outbox())"
            }
            guard waitUntil(timeout: 30, { node.notes.count >= 1 }) else { return "the router's offline never came" }
            if crash {
                guard node.crashWhenIdle() else { return "the outbox did not empty before the crash" }
                try node.start()
            }
            // Overlays: the children are unreachable, their status stays offline.
            let overlays = try node.store.checkOverlays(children, now: wallMilliseconds())
            guard children.allSatisfy({ overlays.overlays[$0]?.unreachable?.parent == router }) else { return "no unreachable overlay: \(overlays.overlays)" }
            // Two children recover while the router is down; then the router; web3 stays down.
            for name in ["web1", "web2"] { try node.set(name, up: true) }
            guard node.awaitStatus([children[0], children[1]], .online) else { return "web1 and web2 did not recover" }
            try node.set("router", up: true)
            guard waitUntil(timeout: 30, { node.notes.count >= 3 }) else { return "no router online and web3 offline: \(node.notes)" }
            try node.set("web3", up: true)
            guard waitUntil(timeout: 30, { node.notes.count >= 4 }) else { return "no web3 online: \(node.notes)" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let notes = node.notes
        #expect(notes.filter { $0.checkID == router }.map(\.status) == ["offline", "online"], "\(notes)")
        #expect(notes.filter { $0.checkID == children[0] || $0.checkID == children[1] }.isEmpty, "\(notes)")
        #expect(notes.filter { $0.checkID == children[2] }.map(\.status) == ["offline", "online"], "\(notes)")
        #expect(notes.filter { $0.checkID == children[2] }.map(\.kind) == ["catch_up", "flip"], "\(notes)")
        #expect(Set(notes.map(\.eventID)).count == notes.count, "an event id arrived twice: \(notes)")
        // The children's history: each offline suppressed behind the router, by name.
        for child in children {
            let suppressed = net.rows(child).filter { $0.state == .suppressed && $0.status == .offline }
            #expect(suppressed.count == 1 && suppressed[0].holdReason == "parent \(router) (router) offline", "\(net.rows(child))")
        }
        // web1 and web2's onlines went to nobody: nobody heard their offline.
        for child in children.prefix(2) {
            #expect(net.rows(child).allSatisfy { $0.state == .suppressed }, "\(net.rows(child))")
        }
        let overlays = try node.store.checkOverlays(children, now: wallMilliseconds())
        #expect(children.allSatisfy { overlays.overlays[$0]?.unreachable == nil }, "\(overlays.overlays)")
        #expect(Set(node.outbox().filter { $0.state == .delivered }.map(\.eventID)) == Set(notes.map(\.eventID)))
    }

    @Test("a child down alone: one notification, within the hold's bound (2 × the router's interval + 30 s), its online later",
          arguments: [false, true])
    func childDownAlone(crash: Bool) async throws {
        let net = try await Network()
        let node = net.node
        let child = net.children[0]
        let waited = Mutex<Int64>(0)
        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults(net.all) else { return "the checks never ran" }
            try node.set("web1", up: false)
            let downAt = wallMilliseconds()
            guard node.awaitStatus([child], .offline) else { return "web1 did not go offline" }
            if crash {
                // Killed while the offline is held or once it is out, never mid-delivery (a
                // delivery whose record a kill loses is sent again after its lease: at least once).
                guard node.crashWhenIdle() else { return "a notification stayed pending" }
                try node.start()
            }
            guard waitUntil(timeout: 45, { node.notes.count >= 1 }) else { return "web1's offline never came: \(node.outbox())" }
            waited.withLock { $0 = wallMilliseconds() - downAt }
            try node.set("web1", up: true)
            guard waitUntil(timeout: 30, { node.notes.count >= 2 }) else { return "web1's online never came" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let notes = node.notes
        #expect(notes.map(\.checkID) == [child, child], "\(notes)")
        #expect(notes.map(\.status) == ["offline", "online"], "\(notes)")
        #expect(notes.map(\.kind) == ["flip", "flip"], "\(notes)")
        let rows = net.rows(child)
        // The offline was held for the router and sent as written, with its event id.
        let offline = try #require(rows.first { $0.status == .offline })
        #expect(offline.eventID == notes[0].eventID && offline.state == .delivered, "\(rows)")
        #expect(offline.holdReason.hasPrefix("dependency on parent \(net.router) (router)"), "\(rows)")
        print("figure: web1 down to its offline at the receiver: \(waited.withLock { $0 }) ms (crash: \(crash); bound 32,000 ms)")
        // Sent within the hold's bound (the router runs every second), with room for a restart.
        #expect(waited.withLock { $0 } <= 32_000 + 8_000, "\(rows)")
    }
}
