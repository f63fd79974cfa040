import BearmonCore

extension Controller {
    /// How often alerting's self-check runs, in milliseconds.
    static let alertingCheckMilliseconds: Int64 = 2_000

    /// Alerting's self-check, run from `maintain`: judges the unwritten flips, the held checks
    /// and the outbox's oldest due row, publishes the verdict for `/healthz` and
    /// `bearmon.alerting`, and tells the admin straight away (not through the outbox, which
    /// may be what is stuck) when it turns bad, and when it is good again.
    func watchAlerting() async {
        guard view != nil else {
            alerting.update(nil)
            return
        }
        if isDue(.alerting, every: Self.alertingCheckMilliseconds) {
            let now = wallMilliseconds()
            do {
                oldestDue = try await storeQueue.run { [store] in try store.oldestDueNotification(now: now) }
            } catch {
                // The store being down shows in bearmon.store.reachable, and as flips waiting here.
                logger.debug("alerting self-check cannot read the outbox: \(error)")
            }
        }
        let judge = AlertingJudge(maxFlipWait: settings.maxFlipWait, maxNotifyWait: settings.maxNotifyWait)
        let health = judge.judge(
            flips: pendingFlips.map { .init(checkID: $0.flip.checkID, checkName: $0.flip.checkName, decidedAt: $0.decidedAt) },
            held: heldChecks.map { .init(checkID: $0.key, reason: $0.value.reason) },
            oldestDue: oldestDue, releaseFailure: releaseFailure, now: monotonicMilliseconds(), wallNow: wallMilliseconds()
        )
        let previous = alerting.update(health)
        guard (previous?.isOK ?? true) != health.isOK else { return }
        if health.isOK {
            logger.notice("alerting works again")
            admin.forget(key: "alerting")
            admin.tell(key: "alerting-recovered", about: "alerting", status: "ok", message: "decided flips are written and due notifications go out again")
        } else {
            logger.error("alerting is stuck: \(health.summary)")
            admin.forget(key: "alerting-recovered")
            admin.tell(key: "alerting", about: "alerting", status: "error", message: health.summary)
        }
    }
}
