import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Dependencies and flapping across a controller failover in a real cluster (viewserver,
/// three workers, MariaDB): what the rules keep (confirmed states, flapping, unreachable
/// marks, held rows) is in the store, so the next controller continues from the rows, with
/// no notification lost or doubled.
@Suite("dependencies and flapping across a failover")
struct DependencyFailoverTests {
    /// A cluster with http checks on their own loopback servers and one webhook receiver.
    struct Setup {
        let cluster: Cluster
        let state: TempDirectory
        let receiver: FixtureHTTPServer
        var servers: [FixtureHTTPServer] = []
        var checks: [String: Int64] = [:]
        let contact: Int64

        init(names: [String], workerConfig: @escaping (Int) -> String = { _ in "" }) async throws {
            cluster = try await Cluster(confirmations: 2, workerConfig: workerConfig)
            state = try TempDirectory("bearmon-switch")
            receiver = try await FixtureHTTPServer.recorder()
            contact = try cluster.store.addContact(type: "webhook", data: receiver.url("/record"))
            let statePath = state.path
            for name in names {
                let server = try await offPool { try FixtureHTTPServer(state: statePath) }
                servers.append(server)
                let id = try cluster.store.addCheck(NewCheck(name: name, type: "http", data: #"{"url":"\#(server.url("/switch/\(name)"))","expect_status":200}"#,
                                                             interval: 1, delay: 0))
                _ = try cluster.store.addAlert(checkID: id, contactID: contact, type: .both)
                checks[name] = id
            }
        }

        func set(_ name: String, up: Bool) throws { try state.write(name, up ? "up" : "down") }
        /// Makes `name` answer 200 after 5 s.
        func slow(_ name: String) throws { try state.write(name, "slow") }
        var notes: [ReceivedNote] {
            WebhookNotes(receiver).fields.map {
                ReceivedNote(checkID: ($0["check_id"] as? NSNumber)?.int64Value ?? 0, status: $0["status"] as? String ?? "?",
                             kind: $0["kind"] as? String ?? "?", eventID: $0["event_id"] as? String ?? "")
            }
        }
        func rows() -> [OutboxEntry] { (try? cluster.store.outbox(states: Set(OutboxState.allCases))) ?? [] }
        func status(_ name: String) -> String? { (try? cluster.store.checkRow(checks[name] ?? 0))?.status }
        func await(_ names: [String], _ status: String, timeout: Double = 60) -> Bool {
            waitUntil(timeout: timeout) { names.allSatisfy { self.status($0) == status } }
        }
        /// Kills the controller with SIGKILL once no row is pending, and waits for the next one.
        func failOver() -> String? {
            _ = waitUntil(timeout: 30) { !rows().contains { $0.state == .pending } }
            guard let first = cluster.controllerNumber() else { return "no controller" }
            cluster.crashWorker(first)
            return cluster.awaitNewController(replacing: first) == nil ? "no new controller" : nil
        }
    }

    @Test("kill -9 the controller while the router is down: its three children stay suppressed; after it recovers, the child still down is told offline, then online")
    func routerDownAcrossFailover() async throws {
        let setup = try await Setup(names: ["router", "web1", "web2", "web3"])
        let router = setup.checks["router"]!
        let children = ["web1", "web2", "web3"].map { setup.checks[$0]! }
        try setup.cluster.store.applyCatalog(children.map { .setDependencies(check: .id($0), parents: [.id(router)]) }, quiet: true)
        let net = setup
        let outcome = try await offPool { () -> String? in
            for name in ["router", "web1", "web2", "web3"] { try net.set(name, up: true) }
            try net.cluster.start()
            _ = waitUntil(timeout: 4) { false }
            for name in ["router", "web1", "web2", "web3"] { try net.set(name, up: false) }
            guard net.await(["router", "web1", "web2", "web3"], "offline") else { return "not everything went offline" }
            guard waitUntil(timeout: 30, { children.allSatisfy { child in net.rows().contains { $0.checkID == child && $0.state == .suppressed } } }) else {
                return "the children were not suppressed: \(net.rows())"
            }
            guard waitUntil(timeout: 30, { net.notes.count >= 1 }) else { return "no router offline" }
            if let problem = net.failOver() { return problem }
            for name in ["web1", "web2"] { try net.set(name, up: true) }
            guard net.await(["web1", "web2"], "online") else { return "web1 and web2 did not recover" }
            try net.set("router", up: true)
            guard waitUntil(timeout: 60, { net.notes.count >= 3 }) else { return "no router online and web3 offline: \(net.notes)" }
            try net.set("web3", up: true)
            guard waitUntil(timeout: 60, { net.notes.count >= 4 }) else { return "no web3 online: \(net.notes)" }
            // A quiet spell in which a doubled notification would show.
            _ = waitUntil(timeout: 3) { false }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(net.cluster.logs.suffix(8_000))")
        let notes = net.notes
        #expect(notes.filter { $0.checkID == router }.map(\.status) == ["offline", "online"], "\(notes)")
        #expect(notes.filter { $0.checkID == children[0] || $0.checkID == children[1] }.isEmpty, "\(notes)")
        #expect(notes.filter { $0.checkID == children[2] }.map(\.kind) == ["catch_up", "flip"], "\(notes)")
        #expect(notes.filter { $0.checkID == children[2] }.map(\.status) == ["offline", "online"], "\(notes)")
        #expect(Set(notes.map(\.eventID)).count == notes.count, "\(notes)")
        let rows = net.rows()
        #expect(Set(rows.filter { $0.state == .delivered }.map(\.eventID)) == Set(notes.map(\.eventID)), "\(rows)")
        // The catch-up was written under the new controller's view, the suppressions under the first's.
        let catchUp = try #require(rows.first { $0.kind == .catchUp })
        let suppressed = try #require(rows.first { $0.checkID == children[2] && $0.state == .suppressed })
        #expect(catchUp.view > suppressed.view && suppressed.holdReason == "parent \(router) (router) offline", "\(rows)")
    }

    @Test("kill -9 the controller while a child's offline waits for its slow router: the new controller sends it once, as written, then its online")
    func childAloneAcrossFailover() async throws {
        let setup = try await Setup(names: ["router", "web1"])
        let (router, child) = (setup.checks["router"]!, setup.checks["web1"]!)
        try setup.cluster.store.applyCatalog([.setDependencies(check: .id(child), parents: [.id(router)])], quiet: true)
        let outcome = try await offPool { () -> String? in
            for name in ["router", "web1"] { try setup.set(name, up: true) }
            try setup.cluster.start()
            _ = waitUntil(timeout: 4) { false }
            // The router stays up but answers slowly, so its confirmation takes a while.
            try setup.slow("router")
            try setup.set("web1", up: false)
            guard waitUntil(timeout: 60, { setup.rows().contains { $0.checkID == child && $0.state == .held } }) else { return "web1's offline was not held: \(setup.rows())" }
            guard let first = setup.cluster.controllerNumber() else { return "no controller" }
            setup.cluster.crashWorker(first)
            guard setup.cluster.awaitNewController(replacing: first) != nil else { return "no new controller" }
            guard waitUntil(timeout: 60, { setup.notes.count >= 1 }) else { return "web1's offline never came: \(setup.rows())" }
            try setup.set("router", up: true)
            try setup.set("web1", up: true)
            guard waitUntil(timeout: 60, { setup.notes.count >= 2 }) else { return "web1's online never came" }
            _ = waitUntil(timeout: 3) { false }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(setup.cluster.logs.suffix(8_000))")
        let notes = setup.notes
        #expect(notes.map(\.checkID) == [child, child] && notes.map(\.status) == ["offline", "online"] && notes.map(\.kind) == ["flip", "flip"], "\(notes)")
        #expect(Set(notes.map(\.eventID)).count == 2)
        let offline = try #require(setup.rows().first { $0.checkID == child && $0.status == .offline })
        #expect(offline.eventID == notes[0].eventID && offline.holdReason.hasPrefix("dependency on parent \(router) (router)"), "\(setup.rows())")
    }

    @Test("kill -9 the controller while a check flaps: the new controller sends no second flapping notification, and one catch_up when it settles")
    func flappingAcrossFailover() async throws {
        let setup = try await Setup(names: ["flappy"]) { _ in "[alerting]\nflapping = 0.3" }
        let check = setup.checks["flappy"]!
        let outcome = try await offPool { () -> String? in
            try setup.set("flappy", up: true)
            try setup.cluster.start()
            _ = waitUntil(timeout: 4) { false }
            var up = true
            for _ in 0..<45 where !setup.notes.contains(where: { $0.kind == "flapping" }) {
                up.toggle()
                try setup.set("flappy", up: up)
                _ = waitUntil(timeout: 2) { false }
            }
            guard setup.notes.filter({ $0.kind == "flapping" }).count == 1 else { return "no flapping notification: \(setup.notes)" }
            if let problem = setup.failOver() { return problem }
            for _ in 0..<4 {
                up.toggle()
                try setup.set("flappy", up: up)
                _ = waitUntil(timeout: 2) { false }
            }
            let lastHeard = try setup.cluster.store.ledger().first { $0.checkID == check }?.status ?? .online
            try setup.set("flappy", up: lastHeard == .offline)
            guard waitUntil(timeout: 120, { setup.notes.contains { $0.kind == "catch_up" } }) else { return "no catch_up after it settled: \(setup.rows())" }
            _ = waitUntil(timeout: 3) { false }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(setup.cluster.logs.suffix(8_000))")
        let notes = setup.notes
        #expect(notes.filter { $0.kind == "flapping" }.count == 1, "\(notes)")
        let start = try #require(notes.firstIndex { $0.kind == "flapping" })
        #expect(notes[(start + 1)...].map(\.kind) == ["catch_up"], "\(notes)")
        #expect(Set(notes.map(\.eventID)).count == notes.count, "\(notes)")
    }
}
