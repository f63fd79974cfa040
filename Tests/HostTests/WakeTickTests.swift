import Testing
@testable import BearmonRoles

/// How the controller cuts its waits for due checks (issue 26): ticks of up to 20 ms while a
/// worker has room for what falls due meanwhile, a millisecond when checks fall due faster.
@Suite("controller: wake ticks")
struct WakeTickTests {
    @Test("100,000 checks at interval 60 with 64 free slots wait on ticks of 19 ms")
    func spreadNode() {
        #expect(Controller.wakeTick(capacity: 64, runsPerSecond: 100_000.0 / 60) == 19)
    }

    @Test("a node whose checks fall due faster than a worker has room for keeps millisecond waits")
    func busyNode() {
        #expect(Controller.wakeTick(capacity: 64, runsPerSecond: 20_000) == 1)
        #expect(Controller.wakeTick(capacity: 1, runsPerSecond: 10_000) == 1)
        #expect(Controller.wakeTick(capacity: 64, runsPerSecond: 10_000) == 3)
    }

    @Test("a few checks, no checks, or no room: at most 20 ms, never below 1")
    func edges() {
        #expect(Controller.wakeTick(capacity: 64, runsPerSecond: 1) == 20)
        #expect(Controller.wakeTick(capacity: Int.max, runsPerSecond: 1e-9) == 20)
        #expect(Controller.wakeTick(capacity: 64, runsPerSecond: 0) == 1)
        #expect(Controller.wakeTick(capacity: 0, runsPerSecond: 1_000) == 1)
        #expect(Controller.wakeTick(capacity: 64, runsPerSecond: .infinity) == 1)
    }

    @Test("a due time is rounded up to its tick and never earlier; tick 1 leaves it as it is")
    func rounding() {
        #expect(Controller.wakeTime(forDue: 1_000, tick: 20) == 1_000)
        #expect(Controller.wakeTime(forDue: 1_001, tick: 20) == 1_020)
        #expect(Controller.wakeTime(forDue: 1_019, tick: 20) == 1_020)
        #expect(Controller.wakeTime(forDue: 1_019, tick: 1) == 1_019)
        #expect(Controller.wakeTime(forDue: -15, tick: 20) == 0)
        for due in stride(from: Int64(-50), through: 50, by: 7) {
            let wake = Controller.wakeTime(forDue: due, tick: 19)
            #expect(wake >= due && wake - due < 19 && wake % 19 == 0)
        }
    }

    @Test("the scheduler's runs per second follow what is loaded, passive checks left out")
    func runsPerSecond() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 1))
        let active = (1...100).map { CheckDefinition(id: $0, name: "c\($0)", type: "noop", data: "{}", intervalSeconds: 10, delay: 0, status: .online, maxRunMilliseconds: 1_000) }
        let passive = CheckDefinition(id: 1_000, name: "p", type: "noop", data: "{}", intervalSeconds: 1, delay: 0, status: .online, maxRunMilliseconds: 1_000, passive: true)
        scheduler.load(active + [passive], now: 0)
        #expect(abs(scheduler.runsPerSecond - 10) < 1e-9)
        scheduler.load(Array(active.prefix(50)), now: 0)
        #expect(abs(scheduler.runsPerSecond - 5) < 1e-9)
        scheduler.load([], now: 0)
        #expect(scheduler.runsPerSecond == 0)
    }
}
