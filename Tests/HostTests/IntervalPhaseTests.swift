import Testing
@testable import BearmonCore
@testable import BearmonRoles

/// Issue 26: a check runs every interval, not every interval plus the time each run waited for
/// a worker. Runs that start a little late keep the check's phase; runs far behind start
/// afresh instead of firing the overdue ones in a burst.
@Suite("interval runs keep their phase")
struct IntervalPhaseTests {
    /// Runs check 1 (interval 1 s) for `seconds`, with a worker that asks every `askEvery` ms
    /// and a result `runMilliseconds` after each run starts; returns when each run started.
    static func runStarts(seconds: Int64, askEvery: Int64, runMilliseconds: Int64) -> [Int64] {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 1))
        scheduler.load([SchedulerTests.definition(1, interval: 1)], now: 0)
        var starts: [Int64] = []
        var running: (token: UInt64, endsAt: Int64)?
        var now: Int64 = 0
        while now < seconds * 1000 {
            if let run = running, run.endsAt <= now {
                _ = scheduler.report(WorkerResult(checkID: 1, token: run.token, status: .online, message: "", latencyMilliseconds: 1), from: "w", now: now)
                running = nil
            }
            for assignment in scheduler.assign(to: "w", capacity: 10, now: now).assignments {
                starts.append(now)
                running = (assignment.token, now + runMilliseconds)
            }
            now += askEvery
        }
        return starts
    }

    @Test("a worker that asks every 30 ms still runs an interval-1 check 600 times in 600 s")
    func lateStartsKeepThePhase() {
        let starts = Self.runStarts(seconds: 600, askEvery: 30, runMilliseconds: 5)
        // Anchored at each start, the interval would be about 1,015 ms: 591 runs.
        #expect(starts.count >= 599, "\(starts.count) runs")
        let gaps = zip(starts.dropFirst(), starts).map { $0 - $1 }
        #expect(gaps.allSatisfy { (970...1_030).contains($0) }, "\(Set(gaps).sorted())")
    }

    @Test("a run that takes longer than the interval is followed by the next at once, never by a burst")
    func slowRunsDoNotBurst() {
        let starts = Self.runStarts(seconds: 60, askEvery: 10, runMilliseconds: 2_500)
        let gaps = zip(starts.dropFirst(), starts).map { $0 - $1 }
        // One run at a time, each starting when the last result arrives: 2.5 s apart.
        #expect(gaps.allSatisfy { (2_500...2_520).contains($0) }, "\(Set(gaps).sorted())")
        #expect(starts.count >= 23)
    }

    @Test("a check more than an interval overdue starts afresh: the next run is a whole interval later")
    func farBehindStartsAfresh() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 1))
        scheduler.load([SchedulerTests.definition(1, interval: 10)], now: 0)
        let first = scheduler.assign(to: "w", capacity: 1, now: 0).assignments
        #expect(first.count == 1)
        _ = scheduler.report(WorkerResult(checkID: 1, token: first[0].token, status: .online, message: "", latencyMilliseconds: 1), from: "w", now: 50)
        // Due at 10,000; no worker asks until 35,000 (the node was overloaded or paused).
        let late = scheduler.assign(to: "w", capacity: 1, now: 35_000).assignments
        #expect(late.count == 1)
        _ = scheduler.report(WorkerResult(checkID: 1, token: late[0].token, status: .online, message: "", latencyMilliseconds: 1), from: "w", now: 35_050)
        #expect(scheduler.assign(to: "w", capacity: 1, now: 44_990).assignments.isEmpty, "ran again before an interval had passed")
        #expect(scheduler.assign(to: "w", capacity: 1, now: 45_000).assignments.count == 1)
    }
}
