import BearmonSystem
package import Logging
import PluginABI
import Synchronization

/// Runs plugin calls on a ``BlockingPool`` and makes sure every call returns by its deadline
/// plus a grace period, whatever the plugin does.
package final class PluginInvoker: Sendable {
    /// How a call ended, before its results are interpreted.
    package enum Report: Sendable, Equatable {
        /// `run` returned this status code in time.
        case returned(Int32, elapsedMilliseconds: Double)
        /// The deadline and grace passed first; the call was abandoned.
        case overran(elapsedMilliseconds: Double)
        /// The deadline passed before any thread was free to start the call.
        case starved(elapsedMilliseconds: Double)
        /// The type is paused because too many of its calls are stuck.
        case paused(stuck: Int)
    }

    /// The threads calls run on.
    package let pool: BlockingPool
    /// Stuck-call bookkeeping.
    package let stuck: StuckCalls
    /// How long after the deadline a call may still return before it is abandoned: a plugin
    /// that honours its deadline needs a moment to report the timeout it saw.
    package let graceMilliseconds: Int64
    private let logger: Logger

    /// An invoker with `width` threads.
    package init(width: Int, stuckLimit: Int? = nil, graceMilliseconds: Int64 = 1000, logger: Logger = Logger(label: "bearmon.invoker")) {
        pool = BlockingPool(width: width)
        stuck = StuckCalls(limit: stuckLimit ?? max(4, width / 2))
        self.graceMilliseconds = graceMilliseconds
        self.logger = logger
    }

    /// Calls the context's type and waits for it, or for its deadline plus grace.
    package func invoke(_ context: CallContext) async -> Report {
        let key = context.type.key
        if stuck.isPaused(key) { return .paused(stuck: stuck.count(key)) }
        guard let run = context.type.runFunction else { return .returned(BEARMON_E_FAILED, elapsedMilliseconds: 0) }
        let descriptor = context.type.descriptor
        let settled = Atomic(false)
        let started = Deadline.now()
        return await withCheckedContinuation { continuation in
            let waitMs = max(0, context.deadline.remainingMilliseconds) + graceMilliseconds
            let watch = DeadlineWatchdog.Entry(deadline: .after(milliseconds: waitMs))
            let job = pool.submit { [self] in
                let code = run(descriptor, context.opaque)
                context.close()
                if settled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
                    watch.cancel()
                    continuation.resume(returning: .returned(code, elapsedMilliseconds: Deadline.now().milliseconds(since: started)))
                } else {
                    let left = stuck.remove(key)
                    logger.notice("an abandoned call of \(key) returned at last", metadata: ["call": "\(context.label)", "still_stuck": "\(left)"])
                }
            }
            watch.arm { [self] in
                guard settled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
                context.close()
                let elapsed = Deadline.now().milliseconds(since: started)
                guard pool.abandon(job) else {
                    logger.warning("no worker thread was free for \(key) before its deadline (all \(pool.width) busy)", metadata: ["call": "\(context.label)"])
                    continuation.resume(returning: .starved(elapsedMilliseconds: elapsed))
                    return
                }
                let count = stuck.add(key)
                let note = count >= stuck.limit ? "; \(key) is paused until some of them return" : ""
                logger.warning("\(key) overran its deadline; the call was abandoned (\(count) stuck\(note))", metadata: ["call": "\(context.label)"])
                continuation.resume(returning: .overran(elapsedMilliseconds: elapsed))
            }
            DeadlineWatchdog.shared.schedule(watch)
        }
    }
}
