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

/// Passive checks in the controller's state machine: the controller evaluates them itself
/// every interval, each evaluation is a whole round, and workers never see them.
@Suite("controller state machine: passive checks")
struct PassiveSchedulerTests {
    static func passive(_ id: Int64 = 1, interval: Int64 = 10, delay: Int64 = 1, status: CheckStatus = .online) -> CheckDefinition {
        CheckDefinition(id: id, name: "p\(id)", type: "healthcheck", data: #"{"id":"x","max_age":30}"#, intervalSeconds: interval, delay: delay,
                        status: status, maxRunMilliseconds: 10_000, passive: true)
    }

    /// A scheduler whose confirmations (3) would hold any active check back.
    final class Harness {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 3))
        var decisions: [Decision] = []

        init(_ checks: [CheckDefinition]) { scheduler.load(checks, now: 0) }

        /// Evaluates every due passive check at `now` with `status`; returns how many were due.
        @discardableResult
        func evaluate(at now: Int64, _ status: CheckStatus, message: String = "m") -> Int {
            let runs = scheduler.takeDuePassive(node: "controller", now: now)
            for run in runs { decisions += scheduler.reportPassive(run, status: status, message: message, node: "controller", now: now + 5) }
            return runs.count
        }

        var flips: [Decision] { decisions.filter { if case .flip = $0 { true } else { false } } }
    }

    @Test("workers are never handed a passive check; the controller takes it every check_interval")
    func neverAssigned() {
        let h = Harness([Self.passive(interval: 10), SchedulerTests.definition(2)])
        let assigned = h.scheduler.assign(to: "w1", capacity: 10, now: 0).assignments
        #expect(assigned.map(\.checkID) == [2])
        #expect(h.evaluate(at: 0, .online) == 1)
        #expect(h.evaluate(at: 9_999, .online) == 0)
        #expect(h.evaluate(at: 10_000, .online) == 1)
        #expect(h.scheduler.assign(to: "w2", capacity: 10, now: 60_000).assignments.map(\.checkID) == [2])
        // The workers' long poll does not wake for passive checks.
        #expect(h.scheduler.nextWake != 20_000)
    }

    @Test("confirmations do not apply, and delay counts evaluations")
    func delayCountsEvaluations() {
        let h = Harness([Self.passive(delay: 2)])
        h.evaluate(at: 0, .offline, message: "no push")
        h.evaluate(at: 10_000, .offline, message: "no push")
        #expect(h.flips.isEmpty)
        #expect(h.scheduler.checks[1]?.turnCount == 2)
        h.evaluate(at: 20_000, .offline, message: "no push")
        #expect(h.flips == [.flip(checkID: 1, status: .offline, message: "no push")])
        h.evaluate(at: 30_000, .online)
        h.evaluate(at: 40_000, .online)
        #expect(h.flips.count == 1)
        // One agreeing evaluation resets the count.
        h.evaluate(at: 50_000, .offline)
        #expect(h.scheduler.checks[1]?.turnCount == 0)
        h.evaluate(at: 60_000, .online)
        h.evaluate(at: 70_000, .online)
        #expect(h.flips.count == 1)
        h.evaluate(at: 80_000, .online)
        #expect(h.flips.last == .flip(checkID: 1, status: .online, message: "m"))
    }

    @Test("with delay 0 one evaluation flips it")
    func noDelay() {
        let h = Harness([Self.passive(delay: 0)])
        h.evaluate(at: 0, .offline, message: "stopped")
        #expect(h.flips == [.flip(checkID: 1, status: .offline, message: "stopped")])
    }

    @Test("fail (the store could not answer) never flips; three in a row mark it misconfigured")
    func failNeverFlips() {
        let h = Harness([Self.passive(delay: 0)])
        for round in 0..<3 { h.evaluate(at: Int64(round) * 10_000, .fail, message: "store down") }
        #expect(h.flips.isEmpty)
        #expect(h.decisions == [.misconfigured(checkID: 1, message: "store down")])
    }

    @Test("a verdict needs its run's token: a worker's result or a stale run is ignored")
    func tokens() {
        let h = Harness([Self.passive(delay: 0)])
        let run = h.scheduler.takeDuePassive(node: "controller", now: 0)[0]
        let forged = WorkerResult(checkID: 1, token: run.token, status: .offline, message: "x", latencyMilliseconds: 1)
        #expect(h.scheduler.report(forged, from: "controller", now: 1).isEmpty)
        #expect(h.scheduler.reportPassive(PassiveRun(checkID: 1, token: run.token + 1), status: .offline, message: "x", node: "controller", now: 1).isEmpty)
        // Until the run's lock expires it is not taken again; then it is.
        #expect(h.scheduler.takeDuePassive(node: "controller", now: 14_999).isEmpty)
        let retaken = h.scheduler.takeDuePassive(node: "controller", now: 15_000)
        #expect(retaken.count == 1)
        #expect(h.scheduler.reportPassive(run, status: .offline, message: "late", node: "controller", now: 15_001).isEmpty)
        #expect(h.scheduler.reportPassive(retaken[0], status: .offline, message: "now", node: "controller", now: 15_001) == [.flip(checkID: 1, status: .offline, message: "now")])
    }
}
