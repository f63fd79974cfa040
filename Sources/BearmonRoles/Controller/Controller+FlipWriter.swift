import BearmonCore
import BearmonStore
import Foundation

extension Controller {
    /// What one attempt to write a flip came to.
    private enum WriteOutcome {
        case written(FlipRecord)
        case fenced(StoreError)
        /// The store is down or busy: the same write may work later.
        case transient(any Error)
        /// The store refused this row: the same write will fail again.
        case refused(any Error)
    }

    /// Writes queued flips, each under the view it was decided in, so that the fence alone
    /// judges it: a fenced write means a newer controller has moved on, so this one stops
    /// acting and drops its queue. A store that is down is retried with backoff. A flip the
    /// store refuses is never retried forever at the head of the queue: it is tried once more
    /// with a placeholder message, and if that is refused too, only its check waits (its later
    /// flips stay behind it), the admin is told once, and every other check's flips go on.
    /// Cancelled (the controller is stopping), it stops after the write under way.
    func writeFlips() async {
        defer { flipWriterRunning = false }
        var backoff: Int64 = 100
        // For tests of fencing and of alerting's self-check: hold each batch of flips back.
        if let delay = settings.flipWriteDelay {
            try? await Task.sleep(for: delay)
        }
        while !Task.isCancelled, let index = nextWritableFlip(now: monotonicMilliseconds()) {
            let pending = pendingFlips[index]
            var outcome = await write(pending.flip, view: pending.view)
            if case .refused(let error) = outcome {
                logger.error("the store refused the flip of check \(pending.flip.checkID): \(error); writing it with a placeholder message")
                outcome = await write(pending.flip.withPlaceholderMessage(because: error), view: pending.view)
            }
            switch outcome {
            case .written(let record):
                pendingFlips.remove(at: index)
                noteWritten(pending.flip)
                release(pending.flip.checkID)
                backoff = 100
                logger.info("flip written", metadata: ["check": "\(pending.flip.checkID)", "status": "\(pending.flip.status.rawValue)",
                                                       "notifications": "\(record.eventIDs.count)"])
                onFlipWritten()
            case .fenced(let error):
                logger.error("\(error); dropping \(pendingFlips.count) queued flip(s) and stepping down")
                pendingFlips.removeAll()
                heldChecks.removeAll()
                if view == pending.view { view = nil }
                return
            case .transient(let error):
                logger.warning("cannot write flip yet: \(error)")
                try? await Task.sleep(for: .milliseconds(backoff))
                backoff = min(backoff * 2, 5_000)
            case .refused(let error):
                hold(pending.flip, because: error)
            }
        }
    }

    /// The oldest queued flip whose check is not held, or whose hold is due for another try.
    private func nextWritableFlip(now: Int64) -> Int? {
        var passed: Set<Int64> = []
        for (index, pending) in pendingFlips.enumerated() {
            let id = pending.flip.checkID
            // A check's later flips never overtake its oldest one.
            guard passed.insert(id).inserted else { continue }
            guard let held = heldChecks[id] else { return index }
            if held.retryAt <= now { return index }
        }
        return nil
    }

    private func write(_ flip: FlipRequest, view: Int64) async -> WriteOutcome {
        do {
            let budget = settings.budget
            return .written(try await storeQueue.run { [store] in try store.recordFlip(flip, view: view, budget: budget) })
        } catch {
            if let fenced = error as? StoreError, case .fenced = fenced { return .fenced(fenced) }
            return StoreFailure.isTransient(error) ? .transient(error) : .refused(error)
        }
    }

    private func hold(_ flip: FlipRequest, because error: any Error) {
        let now = monotonicMilliseconds()
        let reason = "\(error)"
        let since = heldChecks[flip.checkID]?.since ?? now
        heldChecks[flip.checkID] = HeldCheck(reason: reason, since: since, retryAt: now + settings.heldFlipRetry.inMilliseconds)
        let waiting = pendingFlips.filter { $0.flip.checkID == flip.checkID }.count
        logger.error("cannot write the flip of check \(flip.checkID) to \(flip.status.rawValue): \(reason); its \(waiting) flip(s) wait, other checks go on")
        admin.tell(key: "held-\(flip.checkID)", about: "check \(flip.checkID) (\(flip.checkName.fitted(to: .checkName)))", status: "not alerting",
                   message: "its flip to \(flip.status.rawValue) cannot be written, so nobody is notified of it: \(reason). It is tried again every \(settings.heldFlipRetry).")
    }

    private func release(_ checkID: Int64) {
        guard heldChecks.removeValue(forKey: checkID) != nil else { return }
        admin.forget(key: "held-\(checkID)")
        logger.notice("check \(checkID)'s held flip was written; its notifications go out")
    }
}

extension FlipRequest {
    /// The same flip with a message that says why the real one could not be stored; the
    /// check's name and data are fitted to their columns as well.
    func withPlaceholderMessage(because error: any Error) -> FlipRequest {
        FlipRequest(flipID: flipID, checkID: checkID, status: status,
                    message: "(the result's message could not be stored: \(error))".fitted(to: .message), time: time,
                    checkName: checkName.fitted(to: .checkName), checkType: checkType, maskedData: "{}", beganAt: beganAt)
    }
}
