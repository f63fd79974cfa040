package import BearmonCore
package import BearmonPlugins
package import BearmonStore
import Foundation
package import Logging

/// The controller's periodic jobs.
enum Housekeeping: Hashable {
    case reload, flushHistory, prune, alerting, releaseHeld
}

/// The controller: loads checks from the store, hands them to workers, applies results to
/// the state machine, writes flips (status, event and outbox rows in one fenced transaction)
/// and keeps the result history. It acts only while it holds a view.
package actor Controller: ControllerLink {
    let settings: ControllerSettings
    let store: any Store
    let storeQueue: BlockingExecutor
    let host: PluginHost
    let logger: Logger
    let admin: AdminNotifier
    let changes = ChangeSignal()
    var scheduler: CheckScheduler
    /// The view this controller holds, or nil when it must not act.
    var view: Int64?
    /// When (unix milliseconds) it took the view, and first handed out work under it.
    var viewTakenAt: Int64?
    var firstAssignmentAt: Int64?
    /// Each runnable check's validated definition (for masked data in notifications).
    var valid = IDTable<ValidCheck>()
    /// The status this controller last wrote or loaded for each runnable check; a stored
    /// status that differs was edited by someone else (see ``adoptStatusEdits(_:stale:)``).
    var knownStatus: [Int64: CheckStatus] = [:]
    /// Flips written so far; a reload during which it moved may have read a status too old.
    var flipsWritten: UInt64 = 0
    /// Rows that cannot run, by id, with their reasons.
    var poison: [Int64: PoisonRow] = [:]
    /// The pins (`check_nodes`) the scheduler was last loaded with; nil until a load, and
    /// after a takeover, so that the next reload loads in full.
    var loadedPins: [Int64: [String]]?
    /// Reloads that loaded the scheduler in full (for tests: unchanged ones do not).
    var catalogLoads = 0
    var history: [ResultRecord] = []
    var droppedHistory = 0
    /// Decided flips not yet written, oldest first.
    var pendingFlips: [PendingFlip] = []
    /// Checks whose oldest flip the store refuses, by id; their flips wait, others' go on.
    var heldChecks: [Int64: HeldCheck] = [:]
    var flipWriterRunning = false
    /// The flip writer and the admin's e-mails, which `run` cancels and waits for on its way out.
    let sideTasks = TaskSet()
    /// Alerting's self-check, read by `/healthz` and the self-monitor.
    package nonisolated let alerting = AlertingWatch()
    /// The outbox's oldest due, unattempted row, as last read.
    var oldestDue: DueNotification?
    var onFlipWritten: @Sendable () -> Void = {}
    /// The release of held notifications failing since when, with its last error; nil while it works.
    var releaseFailure: AlertingJudge.ReleaseFailure?
    /// When each housekeeping job last ran (monotonic milliseconds), nil before its first run.
    var lastRun: [Housekeeping: Int64] = [:]
    /// For `/metrics`: each check's flips written, verdict seen and last plugin metrics.
    var checkFigures: [Int64: CheckFigures] = [:]
    /// Each check's parents (issue 22), as last loaded.
    var dependencies: [Int64: [Int64]] = [:]
    /// Every check some other check depends on.
    var parentIDs: Set<Int64> = []
    /// Confirmed states not yet written.
    var confirmedBacklog: [ConfirmedState] = []

    /// A controller over `store`, validating checks against `host`'s types.
    package init(settings: ControllerSettings, store: any Store, host: PluginHost, logger: Logger = Logger(label: "bearmon.controller")) {
        self.settings = settings
        self.store = store
        self.host = host
        self.logger = logger
        storeQueue = BlockingExecutor(label: "bearmon.controller.store")
        scheduler = CheckScheduler(settings: settings.scheduler)
        admin = AdminNotifier(host: host, logger: logger, tasks: sideTasks)
    }

    /// Sets what to call after each flip is written (the outbox sender's wake-up).
    package func setFlipObserver(_ observer: @escaping @Sendable () -> Void) { onFlipWritten = observer }

    /// Starts acting under `view`, from a clean slate: the state machine is rebuilt from the
    /// database, because another controller may have flipped checks since this one last
    /// acted. The database's fence must already have been raised to `view`.
    package func takeView(_ view: Int64) async throws {
        self.view = view
        viewTakenAt = wallMilliseconds()
        firstAssignmentAt = nil
        scheduler = CheckScheduler(settings: settings.scheduler, now: monotonicMilliseconds())
        valid = IDTable()
        loadedPins = nil
        knownStatus = [:]
        lastRun[.reload] = monotonicMilliseconds()
        confirmedBacklog = []
        try await reloadCatalog()
        await endFlappingIfOff()
        changes.signal()
    }

    /// Stops acting at once: no assignments, no flip decisions written. Writes already under
    /// way are refused by the database's fence if another controller has moved on.
    package func relinquish() {
        guard view != nil else { return }
        view = nil
        alerting.update(nil)
        changes.signal()
    }

    /// The view held, if any.
    package var currentView: Int64? { view }

    /// Reports `results` and hands out up to `capacity` assignments, holding the request open
    /// up to `waitMilliseconds` (capped by the long-poll limit) until one is due.
    package func exchange(worker: String, results: [WorkerResult], capacity: Int, wait: Duration) async -> [Assignment] {
        guard view != nil else { return [] }
        if !results.isEmpty { accept(results, from: worker) }
        let giveUp = monotonicMilliseconds() + min(max(0, wait.inMilliseconds), settings.longPoll.inMilliseconds)
        while true {
            let now = monotonicMilliseconds()
            let (assignments, decisions) = scheduler.assign(to: worker, capacity: capacity, now: now)
            handle(decisions)
            if !assignments.isEmpty, firstAssignmentAt == nil { firstAssignmentAt = wallMilliseconds() }
            if !assignments.isEmpty || capacity == 0 || now >= giveUp || view == nil || Task.isCancelled { return assignments }
            let tick = Self.wakeTick(capacity: capacity, runsPerSecond: scheduler.runsPerSecond)
            let untilDue = scheduler.nextWake.map { max(1, Self.wakeTime(forDue: $0, tick: tick) - now) } ?? Int64.max
            await changes.wait(milliseconds: min(giveUp - now, untilDue))
        }
    }

    /// The longest tick a wait for due checks is rounded up to, in milliseconds.
    static let longestWakeTick: Int64 = 20

    /// How finely a hand-out that waits for due checks cuts its wait: long enough that the
    /// checks falling due meanwhile fill about half of the worker's free `capacity`, at most
    /// ``longestWakeTick``. Checks spread over their interval then go out a few at a time
    /// rather than each on a wake of its own (a context switch on these machines costs more
    /// than a no-op check), while a busy node, whose checks fall due faster than a worker
    /// has room for, keeps waits of a millisecond: longer ones made it fall behind.
    static func wakeTick(capacity: Int, runsPerSecond: Double) -> Int64 {
        guard runsPerSecond > 0, capacity > 0 else { return 1 }
        let fillsHalf = Double(capacity) / 2 / runsPerSecond * 1_000
        return fillsHalf >= Double(longestWakeTick) ? longestWakeTick : max(1, Int64(fillsHalf))
    }

    /// `due` rounded up to the next multiple of `tick`.
    static func wakeTime(forDue due: Int64, tick: Int64) -> Int64 {
        guard tick > 1 else { return due }
        let remainder = (due % tick + tick) % tick
        return remainder == 0 ? due : due + (tick - remainder)
    }

    private func accept(_ results: [WorkerResult], from worker: String) {
        let now = monotonicMilliseconds()
        let wall = wallMilliseconds()
        var decisions: [Decision] = []
        for result in results {
            // A repeat changes nothing in the scheduler; it must not be counted twice either.
            guard !scheduler.isRepeat(result, from: worker) else { continue }
            decisions += scheduler.report(result, from: worker, now: now)
            noteFigures(checkID: result.checkID, status: result.status, metrics: result.metrics)
            appendHistory(ResultRecord(checkID: result.checkID, node: worker, time: wall, status: result.status,
                                       message: result.message, latencyMilliseconds: result.latencyMilliseconds))
        }
        handle(decisions)
        // A disagreeing result may have made a confirmation run due for another worker.
        changes.signal()
    }

    /// Buffers a result for the history table, dropping the oldest tenth when full.
    func appendHistory(_ record: ResultRecord) {
        if history.count >= settings.historyBufferLimit {
            history.removeFirst(history.count / 10)
            droppedHistory += settings.historyBufferLimit / 10
        }
        history.append(record)
    }
}
