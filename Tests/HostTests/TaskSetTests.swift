import Synchronization
import Testing
@testable import BearmonCore

/// The owner of side tasks that a graceful stop cancels and waits for.
@Suite("task set")
struct TaskSetTests {
    @Test("waitAll returns only once every task has ended, including one started while it waited")
    func waitsForEveryTask() async {
        let tasks = TaskSet()
        let ended = Atomic(0)
        let (gate, open) = AsyncStream<Void>.makeStream()
        tasks.run {
            for await _ in gate { break }
            // Started before this task ends, so waitAll must wait for it too.
            tasks.run { ended.add(1, ordering: .relaxed) }
            ended.add(1, ordering: .relaxed)
        }
        #expect(tasks.count == 1)
        let waiter = Task {
            await tasks.waitAll()
            return ended.load(ordering: .relaxed)
        }
        open.yield(())
        #expect(await waiter.value == 2)
        #expect(tasks.count == 0)
    }

    @Test("cancelAll cancels the running tasks, and waitAll then returns when they have ended")
    func cancelsAndWaits() async {
        let tasks = TaskSet()
        let sawCancellation = Atomic(0)
        for _ in 0..<3 {
            tasks.run {
                // Bounded: a minute at most if cancellation never came.
                try? await Task.sleep(for: .seconds(60))
                if Task.isCancelled { sawCancellation.add(1, ordering: .relaxed) }
            }
        }
        tasks.cancelAll()
        await tasks.waitAll()
        #expect(sawCancellation.load(ordering: .relaxed) == 3)
        #expect(tasks.count == 0)
    }

    @Test("an empty set has nothing to wait for")
    func empty() async {
        let tasks = TaskSet()
        tasks.cancelAll()
        await tasks.waitAll()
        #expect(tasks.count == 0)
    }
}
