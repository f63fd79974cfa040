import BearmonSystem
import Foundation
import Synchronization

/// A fixed number of OS threads that run blocking plugin calls, never on an event loop.
///
/// A call that overruns its deadline cannot be killed safely, so it is abandoned: its thread
/// finishes the call in its own time and then exits, and a fresh thread takes its place at
/// once, so the pool keeps its full width while a plugin is stuck.
package final class BlockingPool: Sendable {
    /// One unit of work and where it stands.
    final class Job: Sendable {
        enum State { case queued, running, finished, abandoned }
        let work: @Sendable () -> Void
        let state = Mutex(State.queued)
        init(_ work: @escaping @Sendable () -> Void) { self.work = work }
    }

    /// The queue the threads take jobs from.
    private struct Queue: Sendable {
        var pending: [Job] = []
        var head = 0
        var stopping = false
        var spawned = 0
    }

    private let queue = ThreadCondition(Queue())
    private let name: String

    /// Number of threads kept ready.
    package let width: Int

    /// Starts `width` threads named after `name`.
    package init(width: Int, name: String = "bearmon-worker") {
        self.width = max(1, width)
        self.name = name
        for _ in 0..<self.width { spawnThread() }
    }

    /// Queues `work`; the returned job can be abandoned if it overruns.
    @discardableResult
    func submit(_ work: @escaping @Sendable () -> Void) -> Job {
        let job = Job(work)
        queue.withLock { $0.pending.append(job) }
        // Signalled after unlocking, so the woken thread does not wake only to block on the
        // lock this thread still holds.
        queue.signal()
        return job
    }

    /// Gives up on `job`: a queued job is dropped; a running one keeps its thread, which exits
    /// when the job returns, and a replacement thread starts now. Returns whether it was
    /// running, that is, whether a thread is now stuck with it.
    @discardableResult
    func abandon(_ job: Job) -> Bool {
        let wasRunning = job.state.withLock { state in
            defer { if state == .queued || state == .running { state = .abandoned } }
            return state == .running
        }
        if wasRunning { spawnThread() }
        return wasRunning
    }

    /// Lets idle threads exit; running calls finish on their own.
    package func shutdown() {
        queue.withLock { $0.stopping = true }
        queue.broadcast()
    }

    /// Threads started over the pool's life, including replacements for abandoned calls.
    package var threadsStarted: Int { queue.withLock { $0.spawned } }

    private func spawnThread() {
        let index = queue.withLock { queue in
            queue.spawned += 1
            return queue.spawned
        }
        let thread = Thread { [self] in runLoop() }
        thread.name = "\(name)-\(index)"
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func runLoop() {
        while let job = next() {
            job.work()
            let abandoned = job.state.withLock { state in
                defer { state = .finished }
                return state == .abandoned
            }
            if abandoned { return }
        }
    }

    private func next() -> Job? {
        queue.wait { queue in
            while queue.head < queue.pending.count {
                let job = queue.pending[queue.head]
                queue.head += 1
                if queue.head > 1024, queue.head * 2 > queue.pending.count {
                    queue.pending.removeFirst(queue.head)
                    queue.head = 0
                }
                let started = job.state.withLock { state in
                    guard state == .queued else { return false }
                    state = .running
                    return true
                }
                if started { return .done(job) }
            }
            return queue.stopping ? .done(nil) : .sleep(until: nil)
        }
    }
}
