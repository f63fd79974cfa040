package import BearmonCore

extension CheckScheduler {
    /// Applies a worker's result and returns what it decided. A result whose worker or token
    /// does not hold the check's lock (late, duplicated, or from before a restart) is ignored.
    package mutating func report(_ result: WorkerResult, from worker: String, now: Int64) -> [Decision] {
        guard let check = checks[result.checkID], !check.definition.passive,
              let lock = check.lock, lock.worker == worker, lock.token == result.token else {
            return []
        }
        return complete(result.checkID, status: result.status, message: result.message, by: worker, confirmations: confirmationsNeeded(for: check, now: now),
                        latencyMilliseconds: result.latencyMilliseconds, now: now)
    }

    /// Whether `result` is one already accepted from `worker`: a worker carries its results
    /// again when the answer to the ask that carried them was lost.
    package func isRepeat(_ result: WorkerResult, from worker: String) -> Bool {
        guard let check = checks[result.checkID] else { return false }
        return check.lastToken == result.token && check.lastWorker == worker
    }

    /// Ends the run that holds check `id`'s lock with a verdict from `worker`: a round
    /// completes once `confirmations` distinct workers disagree with the status.
    mutating func complete(_ id: Int64, status: CheckStatus, message: String, by worker: String, confirmations: Int,
                           latencyMilliseconds: Double = 0, now: Int64) -> [Decision] {
        guard var check = checks[id] else { return [] }
        check.lastToken = check.lock?.token
        check.lock = nil
        check.lastWorker = worker
        check.lastResult = (worker, status, message, now, latencyMilliseconds)
        var decisions: [Decision] = []
        defer {
            checks[id] = check
            // A round under way sends confirmation runs out at once to workers not yet in it;
            // with none outside it, the check waits for its interval like any other.
            schedule(id, at: check.isConfirming && hasOutsider(check, now: now) ? now : check.intervalDue(now: now))
        }
        guard status != .fail else {
            check.failStreak += 1
            if check.failStreak == settings.failLimit {
                decisions.append(.misconfigured(checkID: id, message: message))
            }
            return decisions
        }
        if check.failStreak >= settings.failLimit { decisions.append(.recovered(checkID: id)) }
        check.failStreak = 0
        guard status != check.status else {
            check.turnSet = []
            check.turnCount = 0
            check.disagreeingSince = nil
            confirmed.append((id, status))
            return decisions
        }
        if check.disagreeingSince == nil { check.disagreeingSince = now }
        check.turnSet.insert(worker)
        guard check.turnSet.count >= confirmations else { return decisions }
        check.turnSet = []
        check.turnCount += 1
        guard check.turnCount > check.definition.delay else { return decisions }
        check.status = status
        check.turnCount = 0
        check.lastFlipBeganAt = check.disagreeingSince ?? now
        check.disagreeingSince = nil
        decisions.append(.flip(checkID: id, status: status, message: message))
        confirmed.append((id, status))
        return decisions
    }

    /// The confirmed states noted since the last call, oldest first, and forgets them.
    package mutating func drainConfirmed() -> [(checkID: Int64, status: CheckStatus)] {
        defer { confirmed.removeAll(keepingCapacity: true) }
        return confirmed
    }

    /// Runs check `id` at once (a parent whose child just went offline), unless a run of it is
    /// under way: the same immediate path a round's confirmation runs take.
    package mutating func runNow(_ id: Int64, now: Int64) {
        guard let check = checks[id], !check.definition.passive, check.lock == nil else { return }
        schedule(id, at: now)
    }

    /// Whether the check is failing often enough to be shown as misconfigured.
    package func isMisconfigured(_ id: Int64) -> Bool { (checks[id]?.failStreak ?? 0) >= settings.failLimit }
}
