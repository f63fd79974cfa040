import BearmonCore
import BearmonPlugins

extension OutboxSender {
    /// Delivers one row and records the outcome: delivered (with its receipt, and a charge
    /// for SMS and calls), a retry at the next backoff step, or a failure for good. A delivery
    /// cancelled by a stop before it got an answer gives the row back, unattempted.
    func deliver(_ entry: OutboxEntry, view: Int64) async {
        defer { finished(entry.id) }
        guard !Task.isCancelled else { return await release(entry, view: view) }
        // The claim was fenced, but a newer controller may have raised the fence since: look
        // again right before sending, so that a deposed controller does not send.
        let current = try? await storeQueue.run { [store] in try store.view().number }
        guard current == view else {
            logger.warning("not sending \(entry.eventID): the database is at view \(current.map(String.init) ?? "unknown"), this controller holds view \(view)")
            return
        }
        let outcome = await host.deliver(annotated(entry))
        if Task.isCancelled, outcome.status == .retry { return await release(entry, view: view) }
        let now = wallMilliseconds()
        let recorded: OutboxOutcome
        switch outcome.status {
        case .delivered:
            recorded = .delivered(receipt: outcome.receipt)
            logger.info("notification delivered", metadata: ["event_id": "\(entry.eventID)", "contact": "\(entry.contactID)", "status": "\(entry.status.rawValue)"])
        case .permanent:
            recorded = .failed(error: outcome.error)
            logger.error("notification failed for good: \(outcome.error)", metadata: ["event_id": "\(entry.eventID)", "contact": "\(entry.contactID)"])
        case .retry:
            let attempts = entry.attempts.saturatingAdding(1)
            if policy.givesUp(attempts: attempts, createdAt: entry.createdAt, now: now) {
                recorded = .failed(error: "gave up after \(attempts) attempts: \(outcome.error)")
                logger.error("notification failed for good after \(attempts) attempts: \(outcome.error)", metadata: ["event_id": "\(entry.eventID)"])
            } else {
                let at = now + policy.delay(afterAttempts: attempts).inMilliseconds
                recorded = .retry(error: outcome.error, at: at, fallBack: policy.fallsBack(createdAt: entry.createdAt, now: now))
                logger.warning("notification will be retried: \(outcome.error)", metadata: ["event_id": "\(entry.eventID)", "attempt": "\(attempts)"])
            }
        }
        metrics?.countNotification(contactType: entry.contactType ?? "unknown", kind: entry.kind.rawValue, outcome: recorded.word)
        do {
            try await storeQueue.run { [store] in
                try store.completeOutbox(entry.id, outcome: recorded, now: now, view: view)
                if case .delivered(let receipt?) = recorded, let type = entry.contactType, ["sms", "voice"].contains(type) {
                    try store.recordCharge(checkID: entry.checkID, type: type, data: receipt)
                }
            }
        } catch {
            logger.error("cannot record the outcome of \(entry.eventID): \(error); it will be sent again when its claim expires")
        }
    }

    /// `entry` with what is looked up at delivery: who acknowledged its outage, and its
    /// acknowledge link. Without them when the store cannot say now (the notification matters
    /// more than these).
    private func annotated(_ entry: OutboxEntry) async -> OutboxEntry {
        guard entry.kind != .test else { return entry }
        var annotated = entry
        do {
            (annotated.acknowledgedBy, annotated.ackURL) = try await storeQueue.run { [store, links] in
                (try store.acknowledger(of: entry), try links?.url(for: entry))
            }
        } catch {
            logger.warning("sending \(entry.eventID) without its acknowledgement and link: \(error)")
        }
        return annotated
    }

    /// Gives `entry`'s row back to the outbox, so that the next sender need not wait out the claim.
    private func release(_ entry: OutboxEntry, view: Int64) async {
        do {
            try await storeQueue.run { [store] in try store.releaseOutbox(entry.id, view: view) }
            logger.notice("not sending \(entry.eventID) now: the sender is stopping; the row is free for the next one")
        } catch {
            logger.warning("cannot give back \(entry.eventID) while stopping: \(error); it will be sent when its claim expires")
        }
    }
}
