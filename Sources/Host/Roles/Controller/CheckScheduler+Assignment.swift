extension CheckScheduler {
    /// Records that `worker` is alive and hands it up to `capacity` due checks, respecting
    /// locks, "not the worker that ran it last while others are available", and, during a
    /// confirmation round, "only workers not yet in the round". Returns the decisions that a
    /// change in the number of live workers implies.
    public mutating func assign(to worker: String, capacity: Int, now: Int64) -> (assignments: [Assignment], decisions: [Decision]) {
        workers[worker] = now
        let alive = aliveWorkers(now: now)
        let decisions = now >= judgeWorkersFrom ? workerDecisions(alive: alive.count) : []
        var assignments: [Assignment] = []
        var passedOver: [DueEntry] = []
        var examined = 0
        // Bound the work per call: entries this worker may not take are put back afterwards.
        while assignments.count < capacity, examined < capacity * 4 + 64, let entry = queue.first, entry.time <= now {
            queue.removeFirst()
            examined += 1
            guard var check = checks[entry.checkID], check.generation == entry.generation else { continue }
            if let lock = check.lock {
                if lock.expires > now {
                    passedOver.append(DueEntry(time: lock.expires, checkID: check.definition.id, generation: check.generation))
                    continue
                }
                check.lock = nil
            }
            guard eligible(worker, for: check, alive: alive) else {
                passedOver.append(entry)
                continue
            }
            let confirming = check.isConfirming && check.intervalDue(now: now) > now
            if !confirming { check.intervalAnchor = now }
            let token = nextToken
            nextToken &+= 1
            let expires = now + check.definition.maxRunMilliseconds + settings.lockMarginMilliseconds
            check.lock = .init(worker: worker, token: token, expires: expires)
            check.generation &+= 1
            checks[entry.checkID] = check
            // If no result arrives, look again when the lock expires.
            queue.insert(.init(time: expires, checkID: entry.checkID, generation: check.generation))
            assignments.append(Assignment(
                checkID: check.definition.id, token: token, name: check.definition.name, type: check.definition.type,
                data: check.definition.data, budgetMilliseconds: check.definition.maxRunMilliseconds
            ))
        }
        for entry in passedOver { queue.insert(entry) }
        return (assignments, decisions)
    }

    private func eligible(_ worker: String, for check: ScheduledCheck, alive: Set<String>) -> Bool {
        if check.isConfirming {
            let outsiders = alive.subtracting(check.turnSet)
            if !outsiders.isEmpty { return outsiders.contains(worker) }
        }
        if let last = check.lastWorker, last == worker {
            return alive.subtracting([worker]).isEmpty
        }
        return true
    }

    /// Edge-triggered: reports once when live workers drop below `confirmations`, and once
    /// when they are enough again.
    mutating func workerDecisions(alive: Int) -> [Decision] {
        let enough = alive >= settings.confirmations
        guard enough != enoughWorkers else { return [] }
        enoughWorkers = enough
        return enough ? [.enoughWorkers(alive: alive)] : [.tooFewWorkers(alive: alive, needed: settings.confirmations)]
    }
}
