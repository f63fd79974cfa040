import BearmonSystem
import Foundation
import Glibc
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonStore
@testable import BearmonCLI

/// Issue 18, "Slow clients": idle sockets and trickling request heads, past the connection
/// cap and past the file-descriptor limit, as an attacker would hold them against real nodes
/// (Tests/Fixtures/slowclients/slow_clients.py). The node must cut tricklers at the header
/// deadline however steadily they send, keep probes supplied with descriptors, and keep
/// node-to-node pings and long polls flowing.
@Suite("slow clients")
struct SlowClientTests {
    /// What the attacker script reports.
    struct Attack: Decodable {
        let idle_opened: Int
        let trickle_opened: Int
        let slowbody_opened: Int
        let trickle_cut_after: [Double]
        let trickle_alive_for: [Double]
        let trickle_bytes: Int
    }

    /// Runs the attacker against `port` for `hold` seconds.
    static func attack(port: UInt16, idle: Int, trickle: Int, slowBody: Int = 0, keptAlive: Bool = false, hold: Double) async throws -> Attack {
        let result = try await Command.run("/usr/bin/python3", [
            TestPaths.fixture("slowclients/slow_clients.py"), "--port", "\(port)", "--idle", "\(idle)", "--trickle", "\(trickle)",
            "--slowbody", "\(slowBody)", "--hold", "\(hold)",
        ] + (keptAlive ? ["--first-request"] : []), timeout: hold + 60)
        guard result.status == 0 else { throw Cluster.NotReady(description: "the attacker failed: \(result.stderr)") }
        return try JSONDecoder().decode(Attack.self, from: Data(result.stdout.utf8))
    }

    /// Results a check stored from `since` on (unix ms): status and message.
    static func results(_ store: SQLStore, check: Int64, since: Int64) throws -> [(String, String)] {
        try store.database.query("SELECT status, message FROM check_results WHERE check_id = ? AND time >= ? ORDER BY id", [.int(check), .int(since)])
            .map { ($0.string(0), $0.string(1)) }
    }

    @Test("past the file limit, idle sockets and trickling heads neither starve probes of descriptors nor outlast the header deadline")
    func descriptorsForProbes() async throws {
        let dir = try TempDirectory()
        let db = dir.file("node.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let target = try LoopbackServer(behaviour: .acceptAndClose, lifetime: 300)
        let check = try store.addCheck(NewCheck(name: "probe", type: "tcp", data: #"{"address":"127.0.0.1:\#(target.port)"}"#, interval: 1, delay: 0))
        let config = try dir.write("node.cfg", "[server]\nheaderTimeout = 2s\nidleTimeout = 3s\n")
        // A hard limit of 256 descriptors: without the cap, 300 idle sockets take them all.
        let node = try await offPool {
            try NodeProcess(["--nofile=256:256", TestPaths.bearmon, "standalone", "--db", "sqlite:\(db)", "--config", config],
                            log: dir.file("node.log"), executable: "/usr/bin/prlimit")
        }
        #expect(try await offPool { waitUntil(timeout: 30) { ((try? Self.results(store, check: check, since: 0)) ?? []).contains { $0.0 == "online" } } })

        // Below the cap, only the deadlines cut: a head trickled a line every 0.2 s is cut at
        // headerTimeout after connecting, and the next head on a kept-alive connection at
        // idleTimeout after the first answer (figures printed; bounds generous).
        let heads = try await Self.attack(port: node.port, idle: 0, trickle: 3, hold: 7)
        let kept = try await Self.attack(port: node.port, idle: 0, trickle: 3, keptAlive: true, hold: 8)
        print("slow clients: trickled heads cut after \(heads.trickle_cut_after) s (headerTimeout 2 s), kept-alive ones after \(kept.trickle_cut_after) s (idleTimeout 3 s)")
        #expect(heads.trickle_cut_after.count >= 3 && heads.trickle_cut_after.allSatisfy { $0 < 5 })
        #expect(heads.trickle_alive_for.allSatisfy { $0 < 5 })
        #expect(kept.trickle_cut_after.count >= 3 && kept.trickle_cut_after.allSatisfy { $0 < 6.5 })
        #expect(kept.trickle_alive_for.allSatisfy { $0 < 6.5 })

        let started = wallMilliseconds()
        let attack = try await Self.attack(port: node.port, idle: 300, trickle: 40, hold: 10)
        let during = try Self.results(store, check: check, since: started + 1_000)

        #expect(attack.idle_opened > 256, "the attacker opened more connections than the node has descriptors")
        #expect(node.process.log.contains("[server] maxConnections 1024 lowered to 128"))
        // Probes kept running every second, and none failed for want of a descriptor.
        #expect(during.count >= 4, "results during the attack: \(during)")
        #expect(during.allSatisfy { $0.0 == "online" }, "results during the attack: \(during)")
        #expect(!node.process.log.contains("Too many open files"))
        // Every trickler was cut within the 2 s deadline (plus slack for a loaded machine),
        // though it sent a header line every 0.2 s.
        let longest = (attack.trickle_cut_after + attack.trickle_alive_for).max() ?? 0
        print("slow clients: past the cap, \(attack.idle_opened) idle sockets and \(attack.trickle_opened) tricklers opened, longest held \(longest) s")
        #expect(!attack.trickle_cut_after.isEmpty)
        #expect(longest < 6, "a trickler held its connection \(longest) s")
        #expect(try await offPool { try node.get("/healthz").0 } == 200)
        target.stop()
    }

    @Test("[server] settings: defaults, durations, and a cap too small to keep a reserve refused at its line")
    func settings() throws {
        #expect(ServerSettings() == { var s = ServerSettings(); s.maxConnections = 1_024; s.headerTimeout = .seconds(10); s.idleTimeout = .seconds(60); s.bodyTimeout = .seconds(60); return s }())
        #expect(ServerSettings().reservedForNodes == 128)
        let config = try GcfgParser(file: "s.cfg").parse("[server]\nmaxConnections = 16\nheaderTimeout = 500ms\n")
        let read = try ServerSettings.from(config)
        #expect(read.maxConnections == 16 && read.reservedForNodes == 4 && read.headerTimeout == .milliseconds(500))
        let small = try GcfgParser(file: "s.cfg").parse("[server]\nmaxConnections = 4\n")
        let error = #expect(throws: ConfigError.self) { try ServerSettings.from(small) }
        #expect(error?.description == "s.cfg:2: [server] maxConnections: must be 8 to 1000000")
    }

    @Test("a node raises its open-file limit to the hard limit at start")
    func fileLimitRaised() async throws {
        let dir = try TempDirectory()
        let node = try await offPool {
            try NodeProcess(["--nofile=512:4096", TestPaths.bearmon, "standalone", "--db", "sqlite:\(dir.file("node.sqlite"))"],
                            log: dir.file("node.log"), executable: "/usr/bin/prlimit")
        }
        let limits = try String(contentsOfFile: "/proc/\(node.process.pid)/limits", encoding: .utf8)
        let line = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") })
        #expect(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).prefix(2) == ["4096", "4096"])
        #expect(node.process.log.contains("raised the open-file limit (RLIMIT_NOFILE) from 512 to its hard limit 4096"))
    }

    @Test("slow clients past maxConnections on the controller and the viewserver stop neither pings, long polls nor probes; open requests past the reserve get 503")
    func clusterUnderAttack() async throws {
        let server = "[server]\nmaxConnections = 16\nheaderTimeout = 2s\n"
        let cluster = try await Cluster(workers: 2, confirmations: 1, workerConfig: { _ in server }, viewserverConfig: server)
        defer { cluster.stop() }
        let target = try LoopbackServer(behaviour: .acceptAndClose, lifetime: 300)
        let check = try cluster.store.addCheck(NewCheck(name: "probe", type: "tcp", data: #"{"address":"127.0.0.1:\#(target.port)"}"#, interval: 1, delay: 0))
        try await offPool { try cluster.start() }
        #expect(try await offPool { waitUntil(timeout: 30) { ((try? Self.results(cluster.store, check: check, since: 0)) ?? []).contains { $0.0 == "online" } } })
        let controller = try #require(try await offPool { cluster.controllerNumber() })
        let view = try await offPool { try cluster.status().view?.number }

        let started = wallMilliseconds()
        let controllerPort = cluster.workerPorts[controller - 1]
        async let onController = Self.attack(port: controllerPort, idle: 40, trickle: 20, hold: 10)
        async let onViewserver = Self.attack(port: cluster.viewPort, idle: 40, trickle: 20, hold: 10)
        // Signed requests (the CLI's status) are served all along.
        let statuses = try await offPool { () -> [Bool] in
            (0..<6).map { _ in
                Thread.sleep(forTimeInterval: 1)
                return (try? cluster.status()) != nil
            }
        }
        let attacks = try await [onController, onViewserver]
        let during = try Self.results(cluster.store, check: check, since: started + 1_000)

        #expect(statuses.allSatisfy { $0 }, "signed status requests during the attack: \(statuses)")
        #expect(during.count >= 4 && during.allSatisfy { $0.0 == "online" }, "results during the attack: \(during)")
        let after = try await offPool { try cluster.status() }
        #expect(after.view?.number == view, "no failover: pings kept the lease")
        #expect(try await offPool { cluster.controllerNumber() } == controller)
        #expect(after.workers.filter(\.alive).count == 2)
        for attack in attacks {
            #expect(attack.idle_opened + attack.trickle_opened > 16)
            #expect((attack.trickle_cut_after + attack.trickle_alive_for).allSatisfy { $0 < 6 })
        }

        // Unsigned requests in progress past maxConnections minus the reserve (16 - 4): the
        // next unsigned one is refused with 503 and Retry-After, a signed one still served.
        // The uploads hold 15 s; the probe asks every half second until it meets the refusal (a
        // loaded machine may take a while to open all 12), for at most 12 s.
        async let uploads = Self.attack(port: controllerPort, idle: 0, trickle: 0, slowBody: 12, hold: 15)
        let (refused, signedServed) = try await offPool { () -> ((Int, Data)?, Bool) in
            var open: (Int, Data)?
            for _ in 0..<24 {
                Thread.sleep(forTimeInterval: 0.5)
                open = try? HTTPTestClient.request("http://127.0.0.1:\(controllerPort)/healthz")
                if open?.0 == 503 { break }
            }
            return (open, (try? cluster.status()) != nil)
        }
        #expect(try await uploads.slowbody_opened == 12)
        #expect(refused?.0 == 503)
        let refusal = String(decoding: refused?.1 ?? Data(), as: UTF8.self)
        #expect(refusal.contains("this node is busy"))
        #expect(signedServed)
        target.stop()
    }
}
