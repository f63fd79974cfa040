package import BearmonCore

/// A passive check's evaluation, handed by the scheduler to the controller itself: the
/// verdict counts only with this run's token, as a worker's result does.
package struct PassiveRun: Sendable, Equatable {
    /// `checks.id`.
    package let checkID: Int64
    /// The run's lock token.
    package let token: UInt64
}

extension CheckScheduler {
    /// Takes the passive checks due at `now` for the controller (`node`) to evaluate, each
    /// under a lock, as a worker's run would be; a run that never reports is retried when
    /// its lock expires.
    package mutating func takeDuePassive(node: String, now: Int64) -> [PassiveRun] {
        var runs: [PassiveRun] = []
        var locked: [DueEntry] = []
        while let entry = passiveQueue.first, entry.time <= now {
            passiveQueue.removeFirst()
            guard var check = checks[entry.checkID], check.generation == entry.generation else { continue }
            if let lock = check.lock, lock.expires > now {
                locked.append(DueEntry(time: lock.expires, checkID: entry.checkID, generation: entry.generation))
                continue
            }
            let token = nextToken
            nextToken &+= 1
            let expires = now + check.definition.maxRunMilliseconds + settings.lockMargin.inMilliseconds
            check.anchorIntervalRun(at: now)
            check.lock = .init(worker: node, token: token, expires: expires)
            check.generation &+= 1
            checks[entry.checkID] = check
            passiveQueue.insert(.init(time: expires, checkID: entry.checkID, generation: check.generation))
            runs.append(PassiveRun(checkID: entry.checkID, token: token))
        }
        for entry in locked { passiveQueue.insert(entry) }
        return runs
    }

    /// Applies the controller's verdict on a passive check. Each evaluation is a whole round
    /// (confirmations do not apply: there is one evaluator), so `delay` counts evaluations
    /// as it counts rounds for active checks. A verdict without the run's token is ignored.
    package mutating func reportPassive(_ run: PassiveRun, status: CheckStatus, message: String, node: String, now: Int64) -> [Decision] {
        guard let check = checks[run.checkID], check.definition.passive, check.lock?.token == run.token else { return [] }
        return complete(run.checkID, status: status, message: message, by: node, confirmations: 1, now: now)
    }
}
