package import BearmonCore

/// The controller's state machine, free of I/O and clocks: every call takes `now` (monotonic
/// milliseconds), so tests drive it with a fake clock and scripted results.
///
/// gobearmon's semantics with its bugs fixed: a check runs every interval; a result counts
/// only from the worker holding the check's lock; a result that disagrees with the status
/// starts a round whose confirmation runs go out at once to other workers; `confirmations`
/// distinct workers complete a round; the check flips when more than `delay` rounds in a row
/// disagree; an agreeing result, and a flip, reset the rounds; `fail` never counts.
package struct CheckScheduler: Sendable {
    /// The knobs.
    package let settings: SchedulerSettings
    /// Every check that can run, by id.
    package internal(set) var checks = IDTable<ScheduledCheck>()
    /// When each worker last asked for work.
    package internal(set) var workers: [String: Int64] = [:]
    /// When each check that workers run next needs attention.
    var queue = MinHeap<DueEntry>()
    /// How many runs per second the loaded checks that workers run ask for, at their intervals.
    package private(set) var runsPerSecond: Double = 0
    /// When each passive check is next due for the controller's own evaluation; apart from
    /// `queue`, so that handing out work never has to step over them.
    var passiveQueue = MinHeap<DueEntry>()
    /// Runs that ended with no round under way, each with the check's confirmed state then:
    /// issue 22's flapping counts them (one per interval), and a parent's tell its children.
    /// Apart from the decisions, which say what to act on; the controller drains them.
    var confirmed: [(checkID: Int64, status: CheckStatus)] = []
    var nextToken: UInt64 = 1
    var enoughWorkers = true
    /// Until when (monotonic) the number of live workers is not judged: after a controller
    /// starts, workers need a moment to find it.
    let judgeWorkersFrom: Int64

    /// A scheduler with no checks, started at `now`.
    package init(settings: SchedulerSettings, now: Int64 = 0) {
        self.settings = settings
        judgeWorkersFrom = now + settings.workerTimeout.inMilliseconds
    }

    /// Replaces the set of checks: new ones are due within their first-run spread (see
    /// ``firstRunOffset(checkID:intervalSeconds:startingTogether:)``), removed ones are dropped,
    /// and a check whose definition changed starts over (its lock and rounds are cleared, its
    /// first run spread the same way). A kept check keeps its status: the controller's view is
    /// newer than the stored one.
    package mutating func load(_ definitions: [CheckDefinition], now: Int64) {
        // Positions, not copies: with 100,000 checks a dictionary of definitions was 29 MiB.
        var incoming: [Int64: Int] = [:]
        incoming.reserveCapacity(definitions.count)
        for (position, definition) in definitions.enumerated() { incoming[definition.id] = position }
        for id in checks.keys where incoming[id] == nil { checks[id] = nil }
        // The first load fills the table at once; growing it by doubling held two copies at a time.
        if checks.isEmpty { checks.reserveCapacity(definitions.count) }
        var starting: [Int64] = []
        for (id, position) in incoming {
            let definition = definitions[position]
            if var existing = checks[id] {
                guard existing.definition != definition else { continue }
                let restart = definition.runsDifferently(from: existing.definition)
                existing.definition = definition
                if restart {
                    existing.lock = nil
                    existing.turnSet = []
                    existing.turnCount = 0
                    existing.failStreak = 0
                    existing.intervalAnchor = nil
                    checks[id] = existing
                    starting.append(id)
                } else {
                    checks[id] = existing
                }
            } else {
                checks[id] = ScheduledCheck(definition: definition)
                starting.append(id)
            }
        }
        for id in starting {
            let interval = checks[id]?.definition.intervalSeconds ?? 1
            schedule(id, at: now + Self.firstRunOffset(checkID: id, intervalSeconds: interval, startingTogether: starting.count))
        }
        runsPerSecond = checks.values.reduce(0) { sum, check in
            check.definition.passive ? sum : sum + 1 / Double(max(1, check.definition.intervalSeconds))
        }
    }

    /// Workers that asked for work within the timeout.
    package func aliveWorkers(now: Int64) -> Set<String> {
        Set(workers.filter { now - $0.value <= settings.workerTimeout.inMilliseconds }.keys)
    }

    /// When the earliest queued check that workers run needs attention, if any.
    package var nextWake: Int64? { queue.first?.time }

    /// Drops stale queue entries once they outnumber the checks. Each run leaves one behind
    /// (its lock's expiry) until that time comes: at 10,000 runs a second, 150,000 entries and
    /// 3 MiB. Each check has at most one current entry, so a compaction leaves at most one per
    /// check, and the next comes only after as many insertions again: O(1) per insertion.
    mutating func compactQueues() {
        let limit = 2 * checks.count + 1_024
        guard queue.count > limit || passiveQueue.count > limit else { return }
        let current = { [checks] (entry: DueEntry) in checks.read(entry.checkID) { $0.generation == entry.generation } ?? false }
        if queue.count > limit { queue.retain(where: current) }
        if passiveQueue.count > limit { passiveQueue.retain(where: current) }
    }

    /// Queues `id` for attention at `time`, making older queue entries stale.
    mutating func schedule(_ id: Int64, at time: Int64) {
        guard let (generation, passive) = checks.update(id, { check in
            check.generation &+= 1
            return (check.generation, check.definition.passive)
        }) else { return }
        let entry = DueEntry(time: time, checkID: id, generation: generation)
        if passive { passiveQueue.insert(entry) } else { queue.insert(entry) }
        compactQueues()
    }
}
