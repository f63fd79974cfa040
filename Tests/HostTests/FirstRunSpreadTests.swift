import Testing
@testable import BearmonCore
@testable import BearmonRoles

/// Issue 26: checks that start together (a node's start, a takeover, a large apply) have their
/// first runs spread over their interval at a stable offset per check, so that a restart never
/// fires every probe at once; a few checks still run at once, and confirmation runs are not delayed.
@Suite("first runs spread over the interval")
struct FirstRunSpreadTests {
    static func definitions(_ count: Int, interval: Int64) -> [CheckDefinition] {
        (1...Int64(count)).map { SchedulerTests.definition($0, interval: interval) }
    }

    /// When each check is first handed out, by a worker asking every 100 ms for up to `horizon` ms.
    static func firstRuns(_ scheduler: inout CheckScheduler, until horizon: Int64) -> [Int64: Int64] {
        var first: [Int64: Int64] = [:]
        var now: Int64 = 0
        while now <= horizon {
            for assignment in scheduler.assign(to: "w", capacity: 1_000_000, now: now).0 where first[assignment.checkID] == nil {
                first[assignment.checkID] = now
            }
            now += 100
        }
        return first
    }

    @Test("100,000 checks at interval 60 s: every one runs within the minute, about a tenth in each 6 s (not all in the first seconds)")
    func spreadsEvenly() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 1))
        scheduler.load(Self.definitions(100_000, interval: 60), now: 0)
        let first = Self.firstRuns(&scheduler, until: 60_000)
        #expect(first.count == 100_000)
        var buckets = [Int](repeating: 0, count: 10)
        for time in first.values { buckets[min(9, Int(time / 6_000))] += 1 }
        #expect(buckets.allSatisfy { (9_000...11_000).contains($0) }, "\(buckets)")
        #expect((first.values.filter { $0 < 1_000 }.count) < 3_000, "too many at once")
    }

    @Test("the offset is the same on every start and controller; a few checks, or one, run at once")
    func stableAndPrompt() {
        let a = CheckScheduler.firstRunOffset(checkID: 42, intervalSeconds: 60, startingTogether: 100_000)
        #expect(a == CheckScheduler.firstRunOffset(checkID: 42, intervalSeconds: 60, startingTogether: 100_000))
        #expect((0..<60_000).contains(a))
        // One check, three, or a thousand: all at once.
        #expect(CheckScheduler.firstRunOffset(checkID: 7, intervalSeconds: 3_600, startingTogether: 1) == 0)
        #expect((1...Int64(1_000)).allSatisfy { CheckScheduler.firstRunOffset(checkID: $0, intervalSeconds: 60, startingTogether: 1_000) == 0 })
        // 10,000 at interval 1: within the second.
        #expect((1...Int64(10_000)).allSatisfy { (0..<1_000).contains(CheckScheduler.firstRunOffset(checkID: $0, intervalSeconds: 1, startingTogether: 10_000)) })
        // Hostile numbers: negative ids, a zero or huge interval, huge counts stay in range.
        for id in [Int64.min, -1, 0, .max] {
            #expect((0..<1_000).contains(CheckScheduler.firstRunOffset(checkID: id, intervalSeconds: 0, startingTogether: .max)))
            #expect((0..<1_000).contains(CheckScheduler.firstRunOffset(checkID: id, intervalSeconds: -5, startingTogether: 5_000)))
            #expect((0..<10_000_000).contains(CheckScheduler.firstRunOffset(checkID: id, intervalSeconds: .max, startingTogether: 10_000)))
        }
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 1))
        scheduler.load(Self.definitions(3, interval: 3_600), now: 5_000)
        #expect(scheduler.assign(to: "w", capacity: 10, now: 5_010).0.count == 3)
    }

    @Test("a confirmation run goes out at once, not at the check's offset")
    func confirmationsImmediate() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 2))
        scheduler.load(Self.definitions(10_000, interval: 10), now: 0)
        _ = scheduler.assign(to: "w2", capacity: 0, now: 0)
        let first = Self.firstRuns(&scheduler, until: 10_000)
        #expect(first.count == 10_000)
        let (check, at) = first.max { $0.value < $1.value }!
        let token = scheduler.checks[check]!.lock!.token
        _ = scheduler.report(WorkerResult(checkID: check, token: token, status: .offline, message: "down", latencyMilliseconds: 1), from: "w", now: at + 10)
        let confirming = scheduler.assign(to: "w2", capacity: 100_000, now: at + 20).0
        #expect(confirming.contains { $0.checkID == check })
    }
}
