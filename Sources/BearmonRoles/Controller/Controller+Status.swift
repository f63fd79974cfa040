package import BearmonCore
import BearmonStore

extension Controller {
    /// The live state of every check, with the database's undelivered notifications (pending,
    /// and failed within ``StatusReport/failureWindow``) and
    /// last results for checks that have not run since this controller started. A store that
    /// fails is thrown, never shown as a cluster with no checks.
    package func status(address: String?) async throws -> StatusReport {
        let now = monotonicMilliseconds()
        let rows = try await storeQueue.run { [store] in try store.checkRows() }
        let latest = try await storeQueue.run { [store] in try store.latestResults() }
        let failedSince = wallMilliseconds() - StatusReport.failureWindow.inMilliseconds
        let undelivered = try await storeQueue.run { [store] in try store.undeliveredOutbox(failedSince: failedSince) }
        let overlays = try await storeQueue.run { [store] in try store.checkOverlays(rows.map(\.id), now: wallMilliseconds()) }
        let wallOffset = wallMilliseconds() - now
        let waiting = scheduler.waitingForWorkers(now: now)
        let checks = rows.map { row -> StatusReport.Check in
            let live = scheduler.checks[row.id]
            let result: StatusReport.Result? = live?.lastResult.map {
                StatusReport.Result(status: $0.status.rawValue, message: $0.message, node: $0.worker, time: $0.time + wallOffset,
                                    latencyMs: $0.latencyMilliseconds)
            } ?? latest[row.id].map(StatusReport.Result.init)
            let problem = poison[row.id]?.reason
                ?? (scheduler.isMisconfigured(row.id) ? "failing: \(live?.lastResult?.message ?? "")" : nil)
            var check = StatusReport.Check(
                id: row.id, name: row.name, type: row.type, status: live?.status.rawValue ?? row.status ?? "unknown",
                enabled: row.enabled, interval: row.interval, delay: row.delay, misconfigured: problem, lastResult: result,
                turnCount: live?.turnCount, turnSet: live.map { $0.turnSet.sorted() }, lockedBy: live?.lock?.worker,
                waitingForWorkers: live.map { _ in waiting.contains(row.id) }
            )
            check.show(overlays.overlays[row.id], held: overlays.held[row.id])
            return check
        }
        let alive = scheduler.aliveWorkers(now: now)
        let workers = scheduler.workers.sorted { $0.key < $1.key }.map {
            StatusReport.Worker(node: $0.key, lastSeenMsAgo: now - $0.value, alive: alive.contains($0.key))
        }
        let viewRow = try await storeQueue.run { [store] in try store.view() }
        return StatusReport(
            source: "live", controller: address,
            view: StatusReport.View(number: viewRow.number, holder: viewRow.holder, takenAt: viewTakenAt, firstAssignmentAt: firstAssignmentAt),
            confirmations: settings.scheduler.confirmations, workers: workers, checks: checks,
            counts: StatusReport.count(checks), undelivered: undelivered.map(StatusReport.Notification.init),
            alerting: alerting.health
        )
    }
}
