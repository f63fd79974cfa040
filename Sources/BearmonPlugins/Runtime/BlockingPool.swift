import Foundation

/// A fixed number of OS threads that run blocking plugin calls, never on an event loop.
///
/// A call that overruns its deadline cannot be killed safely, so it is abandoned: its thread
/// finishes the call in its own time and then exits, and a fresh thread takes its place at
/// once, so the pool keeps its full width while a plugin is stuck.
package final class BlockingPool: @unchecked Sendable {
    /// One unit of work and where it stands.
    final class Job: @unchecked Sendable {
        enum State { case queued, running, finished, abandoned }
        let work: () -> Void
        var state = State.queued
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    private let condition = NSCondition()
    private var pending: [Job] = []
    private var head = 0
    private var stopping = false
    private let name: String
    private var spawned = 0

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
    func submit(_ work: @escaping () -> Void) -> Job {
        let job = Job(work)
        condition.lock()
        pending.append(job)
        condition.unlock()
        // Signalled after unlocking, so the woken thread does not wake only to block on the
        // lock this thread still holds.
        condition.signal()
        return job
    }

    /// Gives up on `job`: a queued job is dropped; a running one keeps its thread, which exits
    /// when the job returns, and a replacement thread starts now. Returns whether it was
    /// running, that is, whether a thread is now stuck with it.
    @discardableResult
    func abandon(_ job: Job) -> Bool {
        condition.lock()
        let wasRunning = job.state == .running
        if job.state == .queued || job.state == .running { job.state = .abandoned }
        condition.unlock()
        if wasRunning { spawnThread() }
        return wasRunning
    }

    /// Lets idle threads exit; running calls finish on their own.
    package func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Threads started over the pool's life, including replacements for abandoned calls.
    package var threadsStarted: Int {
        condition.lock()
        defer { condition.unlock() }
        return spawned
    }

    private func spawnThread() {
        condition.lock()
        spawned += 1
        let index = spawned
        condition.unlock()
        let thread = Thread { [self] in runLoop() }
        thread.name = "\(name)-\(index)"
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func runLoop() {
        while let job = next() {
            job.work()
            condition.lock()
            let abandoned = job.state == .abandoned
            job.state = .finished
            condition.unlock()
            if abandoned { return }
        }
    }

    private func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while head < pending.count {
                let job = pending[head]
                head += 1
                if head > 1024, head * 2 > pending.count {
                    pending.removeFirst(head)
                    head = 0
                }
                if job.state == .queued {
                    job.state = .running
                    return job
                }
            }
            if stopping { return nil }
            condition.wait()
        }
    }
}
