import BearmonCore
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
        /// The calling task was cancelled (bearmon is stopping); the call was abandoned.
        case cancelled(elapsedMilliseconds: Double)
    }

    /// Who settled a call first, held in an `Atomic<UInt8>`.
    private enum Settled {
        static let pending: UInt8 = 0
        static let returned: UInt8 = 1
        static let overran: UInt8 = 2
        static let cancelled: UInt8 = 3
    }

    /// The threads calls run on.
    package let pool: BlockingPool
    /// Stuck-call bookkeeping.
    package let stuck: StuckCalls
    /// How long after the deadline a call may still return before it is abandoned: a plugin
    /// that honours its deadline needs a moment to report the timeout it saw.
    package let grace: Duration
    private let logger: Logger

    /// An invoker with `width` threads.
    package init(width: Int, stuckLimit: Int? = nil, grace: Duration = .seconds(1), logger: Logger = Logger(label: "bearmon.invoker")) {
        pool = BlockingPool(width: width)
        stuck = StuckCalls(limit: stuckLimit ?? max(4, width / 2))
        self.grace = grace
        self.logger = logger
    }

    /// Calls the context's type and waits for it, for its deadline plus grace, or for the
    /// calling task to be cancelled, whichever comes first.
    package func invoke(_ context: CallContext) async -> Report {
        let key = context.type.key
        if stuck.isPaused(key) { return .paused(stuck: stuck.count(key)) }
        guard context.type.runFunction != nil else { return .returned(BEARMON_E_FAILED, elapsedMilliseconds: 0) }
        let settled = Atomic(Settled.pending)
        let started = Deadline.now()
        let waitMs = max(0, context.deadline.remainingMilliseconds) + grace.inMilliseconds
        let watch = DeadlineWatchdog.Entry(deadline: .after(milliseconds: waitMs))
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let job = pool.submit { [self] in
                    let code = context.type.runFunction!(context.type.descriptor, context.opaque)
                    context.close()
                    let (won, first) = settled.compareExchange(expected: Settled.pending, desired: Settled.returned, ordering: .acquiringAndReleasing)
                    if won {
                        watch.cancel()
                        continuation.resume(returning: .returned(code, elapsedMilliseconds: Deadline.now().milliseconds(since: started)))
                    } else if first == Settled.overran {
                        let left = stuck.remove(key)
                        logger.notice("an abandoned call of \(key) returned at last", metadata: ["call": "\(context.label)", "still_stuck": "\(left)"])
                    }
                }
                // Runs at the deadline, or at once when the task is cancelled.
                watch.arm { [self] in
                    let (won, first) = settled.compareExchange(expected: Settled.pending, desired: Settled.overran, ordering: .acquiringAndReleasing)
                    guard won || first == Settled.cancelled else { return }
                    context.close()
                    let elapsed = Deadline.now().milliseconds(since: started)
                    let wasRunning = pool.abandon(job)
                    if !won {
                        continuation.resume(returning: .cancelled(elapsedMilliseconds: elapsed))
                        return
                    }
                    guard wasRunning else {
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
                // Cancelled before the action was armed: the handler's firing found nothing to run.
                if settled.load(ordering: .acquiring) == Settled.cancelled { watch.fire() }
            }
        } onCancel: {
            if settled.compareExchange(expected: Settled.pending, desired: Settled.cancelled, ordering: .acquiringAndReleasing).exchanged {
                watch.fire()
            }
        }
    }
}
