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

/// The controller's state machine, driven by a fake clock and scripted results: no sleeping.
@Suite("controller state machine")
struct SchedulerTests {
    static func definition(_ id: Int64 = 1, interval: Int64 = 60, delay: Int64 = 1, status: CheckStatus = .online) -> CheckDefinition {
        CheckDefinition(id: id, name: "c\(id)", type: "tcp", data: "{}", intervalSeconds: interval, delay: delay, status: status, maxRunMilliseconds: 10_000)
    }

    /// A scheduler plus helpers that keep the tests short.
    final class Harness {
        var scheduler: CheckScheduler
        var decisions: [Decision] = []

        init(confirmations: Int = 1, checks: [CheckDefinition] = [SchedulerTests.definition()]) {
            scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: confirmations))
            scheduler.load(checks, now: 0)
        }

        func assign(_ worker: String, at now: Int64, capacity: Int = 10) -> [Assignment] {
            let (assignments, decisions) = scheduler.assign(to: worker, capacity: capacity, now: now)
            self.decisions += decisions
            return assignments
        }

        /// `worker` takes check 1 at `now` and reports `status`; returns whether it got the check.
        @discardableResult
        func run(_ worker: String, at now: Int64, _ status: CheckStatus, message: String = "m") -> Bool {
            guard let assignment = assign(worker, at: now).first(where: { $0.checkID == 1 }) else { return false }
            decisions += scheduler.report(WorkerResult(checkID: 1, token: assignment.token, status: status, message: message, latencyMilliseconds: 1), from: worker, now: now + 10)
            return true
        }

        var status: CheckStatus { scheduler.checks[1]!.status }
        var flips: [Decision] { decisions.filter { if case .flip = $0 { true } else { false } } }
    }

    @Test("a check runs every check_interval seconds")
    func interval() {
        let h = Harness()
        #expect(h.run("w", at: 0, .online))
        #expect(h.assign("w", at: 30_000).isEmpty)
        #expect(h.assign("w", at: 59_999).isEmpty)
        #expect(h.assign("w", at: 60_000).count == 1)
        #expect(h.scheduler.nextWake == Int64(75_000))
    }

    @Test("a flip remembers when its streak of disagreeing results began; an agreeing result in between starts it over")
    func streakStart() {
        let h = Harness(confirmations: 1, checks: [SchedulerTests.definition(delay: 2)])
        #expect(h.run("w", at: 0, .offline))          // disagrees at 10
        #expect(h.run("w", at: 60_000, .online))      // agrees: the streak is over
        #expect(h.scheduler.checks[1]?.disagreeingSince == nil)
        #expect(h.run("w", at: 120_000, .offline))    // a new streak at 120_010
        #expect(h.run("w", at: 180_000, .fail))       // fail neither starts nor ends it
        #expect(h.run("w", at: 240_000, .offline))
        #expect(h.run("w", at: 300_000, .offline))    // third round: delay 2 is passed
        #expect(h.flips == [.flip(checkID: 1, status: .offline, message: "m")])
        #expect(h.scheduler.checks[1]?.lastFlipBeganAt == 120_010)
        #expect(h.scheduler.checks[1]?.disagreeingSince == nil)
    }

    @Test("a result counts only from the worker that holds the lock, with its token")
    func lockOwnership() {
        let h = Harness(confirmations: 1, checks: [SchedulerTests.definition(delay: 0)])
        let assignment = h.assign("a", at: 0)[0]
        let impostor = WorkerResult(checkID: 1, token: assignment.token, status: .offline, message: "x", latencyMilliseconds: 1)
        #expect(h.scheduler.report(impostor, from: "b", now: 5).isEmpty)
        let stale = WorkerResult(checkID: 1, token: assignment.token + 99, status: .offline, message: "x", latencyMilliseconds: 1)
        #expect(h.scheduler.report(stale, from: "a", now: 5).isEmpty)
        #expect(h.scheduler.checks[1]?.lock?.worker == "a")
        #expect(h.status == .online)
        let real = WorkerResult(checkID: 1, token: assignment.token, status: .offline, message: "down", latencyMilliseconds: 1)
        #expect(h.scheduler.report(real, from: "a", now: 6) == [.flip(checkID: 1, status: .offline, message: "down")])
        // A duplicate of the same result no longer holds the lock.
        #expect(h.scheduler.report(real, from: "a", now: 7).isEmpty)
    }

    @Test("a lock expires after the type's maximum run time plus a margin")
    func lockExpiry() {
        let h = Harness()
        #expect(h.assign("a", at: 0).count == 1)
        #expect(h.assign("b", at: 14_999).isEmpty)
        let retaken = h.assign("b", at: 15_000)
        #expect(retaken.count == 1)
        #expect(h.scheduler.checks[1]?.lock?.worker == "b")
    }

    @Test("the same worker does not run a check twice in a row while others are available")
    func rotation() {
        let h = Harness()
        #expect(h.run("a", at: 0, .online))
        _ = h.assign("b", at: 59_000, capacity: 0)
        #expect(h.assign("a", at: 60_000).isEmpty)
        #expect(h.run("b", at: 60_001, .online))
        // Once b has been quiet longer than the worker timeout, a is alone and may run it
        // twice in a row.
        #expect(h.run("a", at: 120_001, .online))
        #expect(h.run("a", at: 180_001, .online))
        #expect(h.scheduler.aliveWorkers(now: 180_001) == ["a"])
    }

    @Test("a disagreeing result starts a round; confirmations go out at once to other workers")
    func immediateConfirmation() {
        let h = Harness(confirmations: 2)
        _ = h.assign("b", at: 0, capacity: 0)
        #expect(h.run("a", at: 0, .offline))
        #expect(h.scheduler.checks[1]?.turnSet == ["a"])
        #expect(h.assign("a", at: 100).isEmpty)
        #expect(h.run("b", at: 100, .offline))
        #expect(h.scheduler.checks[1]?.turnSet == [])
        #expect(h.scheduler.checks[1]?.turnCount == 1)
        #expect(h.flips.isEmpty)
        // The next round waits for the interval.
        #expect(h.assign("a", at: 30_000).isEmpty)
        #expect(h.assign("b", at: 30_000).isEmpty)
    }

    @Test("the status flips after delay + 1 agreeing rounds, one interval apart")
    func roundsAndDelay() {
        let h = Harness(confirmations: 2, checks: [SchedulerTests.definition(delay: 1)])
        _ = h.assign("b", at: 0, capacity: 0)
        #expect(h.run("a", at: 0, .offline))
        #expect(h.run("b", at: 50, .offline))
        #expect(h.status == .online)
        #expect(h.run("a", at: 60_000, .offline, message: "refused"))
        #expect(h.status == .online)
        #expect(h.run("b", at: 60_050, .offline, message: "refused"))
        #expect(h.status == .offline)
        #expect(h.flips == [.flip(checkID: 1, status: .offline, message: "refused")])
        #expect(h.scheduler.checks[1]?.turnCount == 0)
        #expect(h.scheduler.checks[1]?.turnSet == [])
    }

    @Test("a result that agrees with the status resets the rounds")
    func agreementResets() {
        let h = Harness(confirmations: 2, checks: [SchedulerTests.definition(delay: 1)])
        _ = h.assign("b", at: 0, capacity: 0)
        #expect(h.run("a", at: 0, .offline))
        #expect(h.run("b", at: 50, .offline))
        #expect(h.run("a", at: 60_000, .offline))
        #expect(h.run("b", at: 60_050, .online))
        #expect(h.scheduler.checks[1]?.turnCount == 0)
        #expect(h.scheduler.checks[1]?.turnSet == [])
        #expect(h.run("a", at: 120_000, .offline))
        #expect(h.run("b", at: 120_050, .offline))
        #expect(h.status == .online)
    }

    @Test("a flip resets the rounds, so one round cannot flip a check back (gobearmon's bug)")
    func flipResets() {
        let h = Harness(confirmations: 1, checks: [SchedulerTests.definition(delay: 1)])
        #expect(h.run("a", at: 0, .offline))
        #expect(h.run("a", at: 60_000, .offline))
        #expect(h.status == .offline)
        #expect(h.run("a", at: 120_000, .online))
        #expect(h.status == .offline)
        #expect(h.run("a", at: 180_000, .online))
        #expect(h.status == .online)
        #expect(h.flips.count == 2)
    }

    @Test("fail never counts; K fails in a row mark the check misconfigured, once")
    func failures() {
        let h = Harness(confirmations: 1, checks: [SchedulerTests.definition(delay: 0)])
        for round in 0..<5 { #expect(h.run("a", at: Int64(round) * 60_000, .fail, message: "bad params")) }
        #expect(h.status == .online)
        #expect(h.flips.isEmpty)
        #expect(h.decisions == [.misconfigured(checkID: 1, message: "bad params")])
        #expect(h.scheduler.isMisconfigured(1))
        #expect(h.run("a", at: 300_000, .online))
        #expect(h.decisions.last == .recovered(checkID: 1))
        #expect(!h.scheduler.isMisconfigured(1))
    }

    @Test("with fewer live workers than confirmations nothing can flip, and the admin is told once")
    func tooFewWorkers() {
        let h = Harness(confirmations: 2, checks: [SchedulerTests.definition(delay: 0)])
        for round in 0..<4 { #expect(h.run("a", at: Int64(round) * 60_000, .offline)) }
        #expect(h.status == .online)
        #expect(h.decisions == [.tooFewWorkers(alive: 1, needed: 2)])
        _ = h.assign("b", at: 200_000, capacity: 0)
        #expect(h.decisions.last == .enoughWorkers(alive: 2))
        #expect(h.run("b", at: 200_001, .offline))
        #expect(h.status == .offline)
    }

    @Test("an edited check starts over; a removed one is dropped")
    func reload() {
        let h = Harness(confirmations: 2)
        _ = h.assign("b", at: 0, capacity: 0)
        #expect(h.run("a", at: 0, .offline))
        #expect(h.scheduler.checks[1]?.turnSet == ["a"])
        h.scheduler.load([SchedulerTests.definition(interval: 30)], now: 1_000)
        #expect(h.scheduler.checks[1]?.turnSet == [])
        #expect(h.assign("b", at: 1_000).count == 1)
        h.scheduler.load([], now: 2_000)
        #expect(h.scheduler.checks.isEmpty)
        #expect(h.assign("a", at: 100_000).isEmpty)
    }

    @Test("many due checks are handed out in one call, up to the capacity")
    func capacity() {
        let h = Harness(checks: (1...50).map { SchedulerTests.definition($0) })
        #expect(h.assign("a", at: 0, capacity: 20).count == 20)
        #expect(h.assign("a", at: 0, capacity: 100).count == 30)
        #expect(h.assign("a", at: 0, capacity: 100).isEmpty)
    }
}
