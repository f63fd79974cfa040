extension CheckScheduler {
    /// Applies a worker's result and returns what it decided. A result whose worker or token
    /// does not hold the check's lock (late, duplicated, or from before a restart) is ignored.
    public mutating func report(_ result: WorkerResult, from worker: String, now: Int64) -> [Decision] {
        guard var check = checks[result.checkID], let lock = check.lock, lock.worker == worker, lock.token == result.token else {
            return []
        }
        check.lock = nil
        check.lastWorker = worker
        check.lastResult = (worker, result.status, result.message, now)
        var decisions: [Decision] = []
        defer {
            checks[result.checkID] = check
            // A round under way sends confirmation runs out at once; otherwise wait an interval.
            schedule(result.checkID, at: check.isConfirming ? now : check.intervalDue(now: now))
        }
        guard result.status != .fail else {
            check.failStreak += 1
            if check.failStreak == settings.failLimit {
                decisions.append(.misconfigured(checkID: result.checkID, message: result.message))
            }
            return decisions
        }
        if check.failStreak >= settings.failLimit { decisions.append(.recovered(checkID: result.checkID)) }
        check.failStreak = 0
        guard result.status != check.status else {
            check.turnSet = []
            check.turnCount = 0
            return decisions
        }
        check.turnSet.insert(worker)
        guard check.turnSet.count >= settings.confirmations else { return decisions }
        check.turnSet = []
        check.turnCount += 1
        guard check.turnCount > check.definition.delay else { return decisions }
        check.status = result.status
        check.turnCount = 0
        decisions.append(.flip(checkID: result.checkID, status: result.status, message: result.message))
        return decisions
    }

    /// Whether the check is failing often enough to be shown as misconfigured.
    public func isMisconfigured(_ id: Int64) -> Bool { (checks[id]?.failStreak ?? 0) >= settings.failLimit }
}
