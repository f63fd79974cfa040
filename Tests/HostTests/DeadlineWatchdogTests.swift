import BearmonSystem
import Synchronization
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

/// The one-thread timeout watchdog the invoker uses instead of a timer per call.
@Suite("deadline watchdog")
struct DeadlineWatchdogTests {
    @Test("the heap hands entries back earliest first, whatever the insertion order")
    func heapOrder() {
        let base = Deadline.now()
        var heap = MinHeap<DeadlineWatchdog.Entry>()
        let offsets: [Int64] = [50, 10, 40, 10, 90, 0, 70, 30, 20, 60, 80, 5]
        for offset in offsets { heap.insert(DeadlineWatchdog.Entry(deadline: base.adding(milliseconds: offset))) }
        var popped: [Deadline] = []
        while let entry = heap.removeFirst() { popped.append(entry.deadline) }
        #expect(popped.count == offsets.count)
        #expect(popped == popped.sorted())
    }

    @Test("an armed entry fires at its deadline; a cancelled one never does")
    func firesAndCancels() async throws {
        let fired = Atomic(0)
        let cancelled = Atomic(0)
        let started = Deadline.now()
        let due = DeadlineWatchdog.Entry(deadline: .after(milliseconds: 200))
        due.arm { fired.add(1, ordering: .relaxed) }
        let dropped = DeadlineWatchdog.Entry(deadline: .after(milliseconds: 100))
        dropped.arm { cancelled.add(1, ordering: .relaxed) }
        DeadlineWatchdog.shared.schedule(due)
        DeadlineWatchdog.shared.schedule(dropped)
        dropped.cancel()
        // Bounded wait: 100 polls of 50 ms at most.
        for _ in 0..<100 where fired.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(fired.load(ordering: .relaxed) == 1)
        #expect(Deadline.now().milliseconds(since: started) >= 190)
        #expect(cancelled.load(ordering: .relaxed) == 0)
    }
}
