import BearmonCore
import BearmonPlugins
import BearmonStore
import Foundation

extension Controller {
    /// Reloads the catalog, flushes the history and prunes it, until cancelled; flushes once
    /// more on the way out so that no accepted result is lost by a graceful stop, and stops
    /// the flip writer and the admin's e-mails (flips not yet written are decided again by
    /// the next controller, from the stored statuses).
    package func run() async {
        while !Task.isCancelled {
            await maintain()
            try? await Task.sleep(for: .milliseconds(200))
        }
        await flushHistory()
        sideTasks.cancelAll()
        await sideTasks.waitAll()
    }

    /// One round of housekeeping, and the passive checks that are due; `run` calls it every
    /// 200 ms, tests call it directly.
    package func maintain() async {
        if isDue(.reload, every: settings.reloadInterval.inMilliseconds) {
            do { try await reloadCatalog() } catch { logger.warning("cannot reload checks: \(error)") }
        }
        if isDue(.flushHistory, every: settings.historyFlushInterval.inMilliseconds) {
            await flushHistory()
        }
        if isDue(.prune, every: 600_000) {
            await pruneHistory()
        }
        await evaluatePassiveChecks()
        startFlipWriter()
        await recordConfirmedStates()
        if isDue(.releaseHeld, every: settings.releaseInterval.inMilliseconds) {
            await releaseHeldNotifications()
        }
        await watchAlerting()
    }

    /// Releases notifications held by windows, silences and budgets that have ended: one
    /// catch-up per contact whose last-heard state differs, written under this view.
    func releaseHeldNotifications() async {
        guard let view else { return }
        let budget = settings.budget
        let now = wallMilliseconds()
        do {
            let release = try await storeQueue.run { [store] in try store.releaseHeld(now: now, budget: budget, view: view) }
            releaseFailure = nil
            if release.caughtUp > 0 || release.cancelled > 0 {
                logger.info("released held notifications", metadata: ["catch_up": "\(release.caughtUp)", "cancelled": "\(release.cancelled)", "still_held": "\(release.stillHeld)"])
            }
            if release.caughtUp > 0 { onFlipWritten() }
        } catch {
            // A fenced pass means another controller acts now; anything else is counted by
            // alerting's self-check, since catch-ups do not go out while it lasts.
            if let fenced = error as? StoreError, case .fenced = fenced { return }
            logger.warning("cannot release held notifications: \(error)")
            releaseFailure = AlertingJudge.ReleaseFailure(since: releaseFailure?.since ?? monotonicMilliseconds(), reason: "\(error)")
        }
    }

    /// Whether `job` last ran `interval` or more milliseconds ago (or never); if so, marks it run now.
    func isDue(_ job: Housekeeping, every interval: Int64) -> Bool {
        let now = monotonicMilliseconds()
        if let last = lastRun[job], now - last < interval { return false }
        lastRun[job] = now
        return true
    }

    /// Writes buffered results to the history table. A batch the store refuses (not one it
    /// cannot reach) is written row by row, and a row it still refuses is dropped with a log
    /// line, so one bad row never holds back the history; a store that is down keeps the
    /// batch for the next flush.
    func flushHistory() async {
        guard !history.isEmpty else { return }
        let batch = history
        history.removeAll(keepingCapacity: true)
        let days = settings.days
        // One id per batch: the store runs a transaction again after a lost commit, and the
        // id makes that second run count nothing twice.
        let batchID = UUID().uuidString.lowercased()
        do {
            try await storeQueue.run { [store] in try store.recordResults(batch, batchID: batchID, days: days) }
        } catch where StoreFailure.isTransient(error) {
            logger.warning("cannot write \(batch.count) results to the history: \(error)")
            history.insert(contentsOf: batch.suffix(settings.historyBufferLimit - history.count), at: 0)
        } catch {
            logger.warning("the store refused a batch of \(batch.count) results (\(error)); writing them one by one")
            await flushRowByRow(batch)
        }
        if droppedHistory > 0 {
            logger.warning("dropped \(droppedHistory) results because the history could not keep up")
            droppedHistory = 0
        }
    }

    private func flushRowByRow(_ batch: [ResultRecord]) async {
        for (index, record) in batch.enumerated() {
            do {
                let days = settings.days
                try await storeQueue.run { [store] in try store.recordResults([record], batchID: UUID().uuidString.lowercased(), days: days) }
            } catch where StoreFailure.isTransient(error) {
                logger.warning("cannot write \(batch.count - index) results to the history: \(error)")
                history.insert(contentsOf: batch[index...].suffix(settings.historyBufferLimit - history.count), at: 0)
                return
            } catch {
                logger.error("dropped a result of check \(record.checkID) from \(record.node) that the store refuses: \(error)")
            }
        }
    }

    /// Loads every check row, validates the changed ones, reports new poison rows, hands
    /// the runnable, enabled ones to the state machine, and adopts statuses edited in SQL.
    func reloadCatalog() async throws {
        let flipsBefore = flipsWritten
        let (rows, pins) = try await storeQueue.run { [store] in (try store.checkRows(), try store.checkNodes()) }
        try await reloadDependencies()
        let catalog = CheckCatalog(host: host)
        if catalogUnchanged(rows, pins: pins, catalog: catalog) {
            adoptStatusEdits(valid, stale: flipsWritten != flipsBefore)
            return
        }
        var definitions: [CheckDefinition] = []
        var nextValid = IDTable<ValidCheck>()
        nextValid.reserveCapacity(valid.count)
        var nextPoison: [Int64: PoisonRow] = [:]
        for row in rows where row.enabled {
            let result: Result<ValidCheck, PoisonRow> = if let cached = valid[row.id], cached.row == row { .success(cached) } else { catalog.validate(row) }
            switch result {
            case .success(let check):
                nextValid[row.id] = check
                definitions.append(CheckDefinition(
                    id: row.id, name: row.name, type: row.type, data: row.data, intervalSeconds: row.interval, delay: row.delay,
                    status: check.status, maxRunMilliseconds: check.type.maxRunMilliseconds(for: check.params), passive: check.type.isPassive,
                    nodes: Set(pins[row.id] ?? [])
                ))
            case .failure(let poisoned):
                nextPoison[row.id] = poisoned
                if poison[row.id] != poisoned {
                    logger.error("skipping \(poisoned)")
                    admin.tell(key: "poison-\(row.id)", about: "check \(row.id) (\(row.name))", status: "misconfigured", message: poisoned.reason)
                }
            }
        }
        for id in poison.keys where nextPoison[id] == nil { admin.forget(key: "poison-\(id)") }
        valid = nextValid
        poison = nextPoison
        loadedPins = pins
        catalogLoads += 1
        scheduler.load(definitions, now: monotonicMilliseconds())
        adoptStatusEdits(nextValid, stale: flipsWritten != flipsBefore)
        changes.signal()
    }

    /// Whether `rows` and `pins` are what the scheduler was last loaded with: every enabled
    /// row's validation is cached for that very row (a poison row still fails the same way)
    /// and no check came or went. Then a reload has nothing to hand on, and skips building
    /// and diffing every definition: with 100,000 checks that was a fifth of the node's CPU.
    private func catalogUnchanged(_ rows: [CheckRow], pins: [Int64: [String]], catalog: CheckCatalog) -> Bool {
        guard let loadedPins, pins == loadedPins else { return false }
        var enabled = 0
        for row in rows where row.enabled {
            enabled += 1
            if let cached = valid[row.id] {
                guard cached.row == row else { return false }
            } else {
                guard let poisoned = poison[row.id], case .failure(let again) = catalog.validate(row), again == poisoned else { return false }
            }
        }
        return enabled == valid.count + poison.count
    }
}
