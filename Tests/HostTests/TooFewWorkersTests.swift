import BearmonSystem
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

/// A cluster with `confirmations = 2` and one live worker, as real processes: a check whose
/// round cannot complete must not be handed out again at once (it ran about 24,000 times in
/// 15 s against a closed port), and must flip once a second worker joins.
@Suite("too few workers: no flood")
struct TooFewWorkersTests {
    @Test("confirmations 2, one worker: a closed-port check at interval 10 runs at most twice in 15 s; a second worker completes the round and it flips")
    func noFloodThenFlip() async throws {
        let cluster = try await Cluster(workers: 2, confirmations: 2)
        defer { cluster.stop() }
        let receiver = try await FixtureHTTPServer.recorder()
        defer { receiver.stop() }
        let closed = try refusedPort()
        let check = try cluster.store.addCheck(NewCheck(name: "closed", type: "tcp", data: #"{"address":"127.0.0.1:\#(closed)","timeout":2}"#,
                                                        interval: 10, delay: 0))
        let contact = try cluster.store.addContact(type: "webhook", data: receiver.url("/record"))
        _ = try cluster.store.addAlert(checkID: check, contactID: contact, type: .both)
        /// When each run's result was taken, oldest first (unix milliseconds).
        @Sendable func runTimes() -> [Int64] {
            (try? cluster.store.database.query("SELECT time FROM check_results WHERE check_id = ? ORDER BY time", [.int(check)]).map { $0.int(0) }) ?? []
        }
        let (firstRun, afterWindow, waiting, flipped) = try await offPool {
            try cluster.startViewserver()
            try cluster.startWorker(1)
            let firstRun = waitUntil(timeout: 60) { !runTimes().isEmpty }
            // 15 s from a run: that run and at most one more, at the interval. A takeover (a
            // new view) starts every check over at once, which is no flood: then look again.
            var afterWindow = 0
            for _ in 0..<3 {
                let view = try cluster.store.view()
                let start = runTimes().last ?? 0
                _ = waitUntil(timeout: 16) { false }
                guard try cluster.store.view() == view else { continue }
                afterWindow = runTimes().filter { $0 >= start && $0 < start + 15_000 }.count
                break
            }
            let waiting = try cluster.status().checks.first { $0.id == check }?.waitingForWorkers
            try cluster.startWorker(2)
            let flipped = waitUntil(timeout: 60) { WebhookNotes(receiver).statuses == ["offline"] }
            return (firstRun, afterWindow, waiting, flipped)
        }
        #expect(firstRun, "\(cluster.logs)")
        #expect((1...2).contains(afterWindow), "ran \(afterWindow) times in 15 s")
        #expect(waiting == true)
        #expect(flipped, "\(cluster.logs.suffix(4000))")
        // Both workers' votes are in the history (written within a second of the flip).
        let bothVoted = try await offPool {
            waitUntil(timeout: 10) {
                (try? cluster.store.database.query("SELECT DISTINCT node FROM check_results WHERE check_id = ? AND status = 'offline'", [.int(check)]).count) == 2
            }
        }
        #expect(bothVoted)
        #expect(try cluster.store.checkRow(check)?.status == "offline")
    }
}
