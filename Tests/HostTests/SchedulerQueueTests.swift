import Testing
@testable import BearmonCore
@testable import BearmonRoles

/// Issue 26: each run leaves a stale entry (its lock's expiry) in the scheduler's queue until
/// that time; the queue drops them once they outnumber the checks, so its size follows the
/// number of checks, not the rate of runs.
@Suite("scheduler queue: stale entries")
struct SchedulerQueueTests {
    @Test("1,000 checks at interval 1 s for 120 s: the queue never holds more than 2 entries per check plus 1,024, and every check still runs each second")
    func staleEntriesAreDropped() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 1))
        scheduler.load((1...Int64(1_000)).map { SchedulerTests.definition($0, interval: 1) }, now: 0)
        var runs: [Int64: Int] = [:]
        var largest = 0
        var now: Int64 = 0
        while now < 120_000 {
            let assignments = scheduler.assign(to: "w", capacity: 10_000, now: now).assignments
            for assignment in assignments {
                runs[assignment.checkID, default: 0] += 1
                _ = scheduler.report(WorkerResult(checkID: assignment.checkID, token: assignment.token, status: .online, message: "", latencyMilliseconds: 1),
                                     from: "w", now: now + 2)
            }
            largest = max(largest, scheduler.queue.count)
            now += 10
        }
        // The lock expiries alone (10 s plus the margin after each run) would be about 15,000.
        #expect(largest <= 2 * 1_000 + 1_024 + 1, "the queue reached \(largest)")
        #expect(runs.count == 1_000)
        #expect(runs.values.allSatisfy { (119...121).contains($0) }, "\(Set(runs.values).sorted())")
    }

    @Test("MinHeap.retain keeps exactly the accepted elements, in heap order, for random input")
    func heapRetain() {
        var generator = SplitMix64(seed: 35)
        for size in [0, 1, 2, 3, 10, 1_000] {
            var heap = MinHeap<Int>()
            let values = (0..<size).map { _ in Int(generator.next() % 1_001) - 500 }
            for value in values { heap.insert(value) }
            heap.retain { $0 % 3 != 0 }
            var drained: [Int] = []
            while let value = heap.removeFirst() { drained.append(value) }
            #expect(drained == values.filter { $0 % 3 != 0 }.sorted(), "size \(size)")
        }
    }
}
