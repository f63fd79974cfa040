import BearmonCore

extension Viewserver {
    /// Keeps, revokes, adopts or grants the view after a round of pings.
    func decide(now: Int64) {
        if var current = grant {
            let lastAnswer = replies[current.controller]?.at ?? current.granted
            if !current.revoking, now - max(lastAnswer, current.granted) > settings.suspect.inMilliseconds {
                current.revoking = true
                grant = current
                logger.warning("controller \(current.controller) stopped answering; view \(current.view) is revoked and runs out in \(settings.revocation)")
            } else if !current.revoking, now - current.granted > settings.lease.inMilliseconds,
                      replies[current.controller]?.reply.holding != current.view {
                // It answers but does not act (its database refused the view, say): try another.
                current.revoking = true
                grant = current
                logger.warning("controller \(current.controller) answers but does not hold view \(current.view); revoking it")
            }
            if current.revoking, now >= current.lastSent + settings.revocation.inMilliseconds {
                grant = nil
            } else {
                return
            }
        }
        // A candidate still holding a lease (this viewserver restarted, or is new) keeps it.
        if let holder = replies.filter({ isAlive($0.key, now: now) && $0.value.reply.holding != nil })
            .max(by: { ($0.value.reply.holding ?? 0) < ($1.value.reply.holding ?? 0) }),
           let view = holder.value.reply.holding, view >= highestView {
            grant = Grant(view: view, controller: holder.key, lastSent: now, revoking: false, granted: now)
            logger.notice("keeping \(holder.key) as the controller under view \(view)")
            return
        }
        // A holder that did not answer yet may still hold a lease from before a restart.
        guard now - started >= (settings.revocation + settings.pingInterval).inMilliseconds else { return }
        let alive = candidates.filter { isAlive($0, now: now) }
        guard let chosen = alive.max(by: { (replies[$0]?.reply.uptimeMs ?? 0) < (replies[$1]?.reply.uptimeMs ?? 0) }) else { return }
        guard highestView < WireRange.view.upperBound else {
            logger.error("cannot grant a view: the highest view, \(highestView), is at the largest bearmon uses (\(WireRange.view.upperBound))")
            return
        }
        highestView += 1
        grant = Grant(view: highestView, controller: chosen, lastSent: now, revoking: false, granted: now)
        logger.notice("granting view \(highestView) to \(chosen), the live candidate with the longest uptime")
    }
}
