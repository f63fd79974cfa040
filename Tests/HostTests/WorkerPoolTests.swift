import BearmonCore
import BearmonPlugins
@testable import BearmonRoles
import Testing

/// The worker's side of the exchange: results ride on the next ask when one follows at once,
/// and are reported on their own when the ask under way is a long poll; none is lost or
/// counted twice, also when an ask carrying results fails.
@Suite("worker pool: results carried on asks or reported on their own")
struct WorkerPoolTests {
    /// A controller that hands out a fixed list of no-op checks, then holds asks open.
    actor ScriptedController: ControllerLink {
        struct Refused: Error {}
        var pending: [Assignment]
        /// How often each token's result arrived.
        var received: [UInt64: Int] = [:]
        var asksCarryingResults = 0
        var reports = 0
        /// Refuse this many asks that carry results (a controller failing over).
        var refuseCarryingAsks: Int
        let longPoll: Duration

        init(checks: Int, longPoll: Duration, refuseCarryingAsks: Int = 0) {
            pending = (1...checks).map {
                Assignment(checkID: Int64($0), token: UInt64($0), name: "noop \($0)", type: "fixture_noop", data: "{}", budgetMilliseconds: 5_000)
            }
            self.longPoll = longPoll
            self.refuseCarryingAsks = refuseCarryingAsks
        }

        func exchange(worker: String, results: [WorkerResult], capacity: Int, wait: Duration) async throws -> [Assignment] {
            if capacity > 0, !results.isEmpty, refuseCarryingAsks > 0 {
                refuseCarryingAsks -= 1
                throw Refused()
            }
            for result in results { received[result.token, default: 0] += 1 }
            guard capacity > 0 else {
                reports += 1
                return []
            }
            if !results.isEmpty { asksCarryingResults += 1 }
            guard !pending.isEmpty else {
                try? await Task.sleep(for: longPoll)
                return []
            }
            let handed = Array(pending.prefix(capacity))
            pending.removeFirst(handed.count)
            return handed
        }

        func rounds(_ ids: [Int64]) async throws -> [Int64: CheckRound] { [:] }

        var deliveredOnce: Int { received.values.filter { $0 == 1 }.count }
        var deliveredTwice: Int { received.values.filter { $0 > 1 }.count }
    }

    /// Runs a pool of `capacity` slots against `controller` until `checks` results arrived
    /// or `seconds` passed.
    func run(_ controller: ScriptedController, checks: Int, capacity: Int, seconds: Double) async throws {
        let fixture = try await FixtureHost()
        let pool = WorkerPool(node: "w1", host: fixture.host, link: controller, capacity: capacity, logger: quietLogger)
        let running = Task { await pool.run() }
        let clock = ContinuousClock()
        let start = clock.now
        while await controller.received.count < checks, clock.now - start < .seconds(seconds) {
            try await Task.sleep(for: .milliseconds(10))
        }
        running.cancel()
        await running.value
    }

    @Test("results finished during a long poll are reported at once, not held until it ends")
    func longPollDoesNotHoldResults() async throws {
        // The long poll outlasts the test, so results it held would never arrive: their arrival
        // is the proof, whatever a loaded machine does to the timing (a 20 s bound on a 30 s
        // poll failed once in CI while the whole test process was starved).
        let controller = ScriptedController(checks: 3, longPoll: .seconds(3_600))
        try await run(controller, checks: 3, capacity: 8, seconds: 120)
        #expect(await controller.deliveredOnce == 3, "the results waited for the long poll")
        #expect(await controller.deliveredTwice == 0)
        #expect(await controller.reports >= 1, "an ask under way was holding them, so a report of their own must have sent them")
    }

    @Test("every result reaches the controller exactly once, on asks or on reports", arguments: [1, 4, 32])
    func exactlyOnce(capacity: Int) async throws {
        let controller = ScriptedController(checks: 500, longPoll: .seconds(30))
        try await run(controller, checks: 500, capacity: capacity, seconds: 60)
        #expect(await controller.deliveredOnce == 500)
        #expect(await controller.deliveredTwice == 0)
    }

    @Test("results carried by an ask that fails are kept and delivered by a later call")
    func failedAskKeepsItsResults() async throws {
        let controller = ScriptedController(checks: 200, longPoll: .seconds(30), refuseCarryingAsks: 3)
        try await run(controller, checks: 200, capacity: 4, seconds: 60)
        #expect(await controller.refuseCarryingAsks == 0, "the failure was exercised")
        #expect(await controller.deliveredOnce == 200)
        #expect(await controller.deliveredTwice == 0)
    }
}
