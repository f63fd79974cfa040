package import BearmonCore

extension CheckScheduler {
    /// Records that `worker` is alive and hands it up to `capacity` due checks, respecting
    /// locks, "not the worker that ran it last while others are available", and, during a
    /// confirmation round, "only workers not yet in the round". Returns the decisions that a
    /// change in the number of live workers implies.
    package mutating func assign(to worker: String, capacity: Int, now: Int64) -> (assignments: [Assignment], decisions: [Decision]) {
        let joined = !aliveWorkers(now: now).contains(worker)
        workers[worker] = now
        let alive = aliveWorkers(now: now)
        if joined { offerWaitingRounds(to: worker, now: now) }
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
            switch eligibility(of: worker, for: check, alive: alive, now: now) {
            case .eligible: break
            case .otherWorker:
                passedOver.append(entry)
                continue
            case .waitUntil(let time):
                check.generation &+= 1
                checks[entry.checkID] = check
                passedOver.append(DueEntry(time: time, checkID: entry.checkID, generation: check.generation))
                continue
            }
            let confirming = check.isConfirming && check.intervalDue(now: now) > now
            if !confirming { check.anchorIntervalRun(at: now) }
            let token = nextToken
            nextToken &+= 1
            let expires = now + check.definition.maxRunMilliseconds + settings.lockMargin.inMilliseconds
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
        compactQueues()
        return (assignments, decisions)
    }

    /// Whether `worker` may take `check` now, and if no worker may, until when it waits.
    enum Eligibility: Equatable {
        case eligible, otherWorker, waitUntil(Int64)
    }

    /// During a round, confirmation runs go only to workers not yet in it. When every live
    /// worker is in it already (too few workers), the check waits for its interval and then
    /// goes to any worker, as any check does: running it again at once could only repeat a
    /// vote already counted, and would flood the target.
    func eligibility(of worker: String, for check: ScheduledCheck, alive everyone: Set<String>, now: Int64) -> Eligibility {
        let pinned = check.definition.nodes
        let alive = candidates(for: check, among: everyone)
        if !pinned.isEmpty {
            // No pinned worker alive: look again in a while (5 s at most, so that one that
            // is only not yet heard from gets it soon) rather than at every assignment, so
            // that such checks never crowd the queue's head.
            if alive.isEmpty { return .waitUntil(now + min(max(1, check.definition.intervalSeconds) * 1000, 5_000)) }
            if !pinned.contains(worker) { return .otherWorker }
        }
        if check.isConfirming {
            let outsiders = alive.subtracting(check.turnSet)
            if !outsiders.isEmpty { return outsiders.contains(worker) ? .eligible : .otherWorker }
            let due = check.intervalDue(now: now)
            if due > now { return .waitUntil(due) }
        }
        if let last = check.lastWorker, last == worker, !alive.subtracting([worker]).isEmpty {
            return .otherWorker
        }
        return .eligible
    }

    /// Whether some live worker is outside `check`'s round, so a confirmation run can go now.
    func hasOutsider(_ check: ScheduledCheck, now: Int64) -> Bool {
        !candidates(for: check, among: aliveWorkers(now: now)).subtracting(check.turnSet).isEmpty
    }

    /// The live workers that may run `check`: all of them, or those it is pinned to.
    func candidates(for check: ScheduledCheck, among alive: Set<String>) -> Set<String> {
        check.definition.nodes.isEmpty ? alive : alive.intersection(check.definition.nodes)
    }

    /// How many distinct workers must agree to flip `check`: `confirmations`, or, for a check
    /// pinned to fewer live workers than that, all of those (at least one).
    func confirmationsNeeded(for check: ScheduledCheck, now: Int64) -> Int {
        guard !check.definition.nodes.isEmpty else { return settings.confirmations }
        return min(settings.confirmations, max(1, candidates(for: check, among: aliveWorkers(now: now)).count))
    }

    /// Checks whose round waits for a worker outside it: every live worker has voted and
    /// more confirmations are needed (`bearmon status` shows them).
    package func waitingForWorkers(now: Int64) -> Set<Int64> {
        let alive = aliveWorkers(now: now)
        return Set(checks.values.filter { $0.isConfirming && candidates(for: $0, among: alive).subtracting($0.turnSet).isEmpty }.map(\.definition.id))
    }

    /// A worker that just joined is outside every waiting round: offer those checks at once.
    private mutating func offerWaitingRounds(to worker: String, now: Int64) {
        let waiting = checks.values.filter {
            !$0.definition.passive && $0.isConfirming && !$0.turnSet.contains(worker) && $0.lock == nil
                && ($0.definition.nodes.isEmpty || $0.definition.nodes.contains(worker))
        }.map(\.definition.id)
        for id in waiting { schedule(id, at: now) }
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
