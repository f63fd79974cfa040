import BearmonSystem
import Foundation
import Synchronization

extension IsolatedModule {
    /// Ends call `id` with `outcome`, once: later endings (a late answer, the deadline, the
    /// helper's death) find nothing.
    func finish(_ id: UInt64, _ outcome: Outcome) {
        guard let pending = state.withLock({ $0.pending.removeValue(forKey: id) }) else { return }
        pending.watch.cancel()
        pending.finish(outcome)
    }

    /// Sends the request built for a fresh id and calls `finish` with the answer, or with
    /// why there is none. The node enforces `waitMilliseconds` itself: a helper that has not
    /// answered by then is killed (it is stuck past its own deadline handling) and restarted.
    /// Returns the id, for cancellation.
    @discardableResult
    func send(_ build: (UInt64) -> IsolationRequest, waitMilliseconds: Int64, finish done: @escaping @Sendable (Outcome) -> Void) -> UInt64 {
        let watch = DeadlineWatchdog.Entry(deadline: .after(milliseconds: waitMilliseconds))
        let admitted = state.withLock { state -> Result<(UInt64, HelperProcess), EndingError> in
            if let paused = state.paused { return .failure(EndingError(ending: .unavailable(paused))) }
            if state.stopped { return .failure(EndingError(ending: .unavailable("the plugin host for module \(name) is stopped: bearmon is stopping"))) }
            guard let helper = state.helper else {
                return .failure(EndingError(ending: .unavailable("\(state.lastDeath); its plugin host is being restarted")))
            }
            state.nextID += 1
            state.pending[state.nextID] = Pending(finish: done, watch: watch)
            return .success((state.nextID, helper))
        }
        let (id, helper): (UInt64, HelperProcess)
        switch admitted {
        case .failure(let ending):
            done(.failure(ending))
            return 0
        case .success(let admitted):
            (id, helper) = admitted
        }
        watch.arm { [self] in
            let overdue = state.withLock { $0.pending[id] != nil }
            guard overdue else { return }
            finish(id, .failure(EndingError(ending: .overran(milliseconds: waitMilliseconds))))
            logger.error("the plugin host for module \(name) did not answer a call within \(waitMilliseconds) ms; killing it", metadata: ["module": "\(name)"])
            helper.kill()
        }
        DeadlineWatchdog.shared.schedule(watch)
        // A helper that died before reading this is noticed by the supervising thread,
        // which ends the call with how it died.
        helper.writer.send(build(id))
        return id
    }

    /// ``send(_:waitMilliseconds:finish:)`` for async callers; cancelling the task ends the call.
    func request(_ build: (UInt64) -> IsolationRequest, waitMilliseconds: Int64) async -> Outcome {
        let id = Mutex<UInt64?>(nil)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let sent = send(build, waitMilliseconds: waitMilliseconds) { continuation.resume(returning: $0) }
                id.withLock { $0 = sent }
                if Task.isCancelled { finish(sent, .failure(EndingError(ending: .cancelled))) }
            }
        } onCancel: {
            if let sent = id.withLock({ $0 }) { finish(sent, .failure(EndingError(ending: .cancelled))) }
        }
    }

    /// ``send(_:waitMilliseconds:finish:)`` for a thread that must block (validation).
    func requestBlocking(_ build: (UInt64) -> IsolationRequest, waitMilliseconds: Int64) -> Outcome {
        let answer = ThreadCondition<Outcome?>(nil)
        send(build, waitMilliseconds: waitMilliseconds) { outcome in
            answer.withLock { $0 = outcome }
            answer.broadcast()
        }
        return answer.wait { $0.map { .done($0) } ?? .sleep(until: nil) }
    }
}
