import BearmonCore
package import BearmonPlugins
package import Logging

/// Runs the controller's assignments on `capacity` slots and reports each result at once.
/// The same code serves the standalone node (an in-process controller) and cluster workers
/// (a controller across the network): it only sees a ``ControllerLink``.
package actor WorkerPool {
    /// This worker's node name: its identity as a confirmer.
    package let node: String
    let host: PluginHost
    let link: any ControllerLink
    let capacity: Int
    let logger: Logger
    /// How long an ask waits at the controller for work.
    let longPoll: Duration
    var inFlight = 0
    /// When the oldest result in `finished` finished, on the monotonic clock.
    var oldestUnreported: Int64?
    var finished: [WorkerResult] = []
    let resultsReady = ChangeSignal()
    let slotFreed = ChangeSignal()
    var params = ParamsCache(limit: 50_000)
    /// The checks running now, one task each; `run` cancels and waits for them on its way out.
    let checks = TaskSet()

    /// A pool of `capacity` slots that asks `link` for work as `node`.
    package init(node: String, host: PluginHost, link: any ControllerLink, capacity: Int, logger: Logger = Logger(label: "bearmon.worker")) {
        longPoll = NodeHooks.current.longPoll ?? ControllerSettings.defaultLongPoll
        self.node = node
        self.host = host
        self.link = link
        self.capacity = max(1, capacity)
        self.logger = logger
    }

    /// Asks for work and reports results until cancelled; then abandons the checks still
    /// running and waits for their tasks to end.
    package func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.askForWork() }
            group.addTask { await self.reportResults() }
        }
        checks.cancelAll()
        await checks.waitAll()
    }

    private func askForWork() async {
        var backoff: Int64 = 100
        // The same failure (no controller yet, the controller failing over) repeats every
        // second or so; it is logged when it starts and when it ends, not each time.
        var failing: String?
        while !Task.isCancelled {
            let free = capacity - inFlight
            guard free > 0 else {
                await slotFreed.wait(milliseconds: 1_000)
                continue
            }
            // Results finished so far ride along: one round trip instead of two.
            let batch = takeFinished()
            do {
                let assignments = try await link.exchange(worker: node, results: batch, capacity: free, wait: longPoll)
                backoff = 100
                if failing != nil {
                    logger.notice("getting work from the controller again")
                    failing = nil
                }
                for assignment in assignments { start(assignment) }
            } catch {
                keepForRetry(batch)
                let message = "\(error)"
                if failing != message {
                    logger.warning("cannot get work from the controller: \(message)")
                    failing = message
                }
                try? await Task.sleep(for: .milliseconds(backoff))
                // Short waits: during a failover the next controller is usually named within
                // a couple of seconds, and every wait here delays the first new assignment.
                backoff = min(backoff * 2, 400)
            }
        }
    }

    /// Reports the results that no ask carried within ``askCarryWindow`` of finishing: an
    /// ask under way may be a long poll, held open for seconds.
    private func reportResults() async {
        while !Task.isCancelled {
            guard let oldest = oldestUnreported else {
                await resultsReady.wait(milliseconds: 1_000)
                continue
            }
            let waited = monotonicMilliseconds() - oldest
            guard waited >= Self.askCarryWindow else {
                try? await Task.sleep(for: .milliseconds(Self.askCarryWindow - waited))
                continue
            }
            let batch = takeFinished()
            do {
                _ = try await link.exchange(worker: node, results: batch, capacity: 0, wait: .milliseconds(0))
            } catch {
                logger.warning("cannot report \(batch.count) results: \(error)")
                keepForRetry(batch)
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    /// How long, in milliseconds, a finished result waits for an ask to carry it before it is
    /// reported on its own. On a busy worker the next ask follows within it, which halves
    /// the round trips to the controller.
    static let askCarryWindow: Int64 = 5

    /// The results not yet reported, which the caller now owns.
    private func takeFinished() -> [WorkerResult] {
        defer {
            finished.removeAll(keepingCapacity: true)
            oldestUnreported = nil
        }
        return finished
    }

    /// Puts back results that could not be reported. The controller may be failing over;
    /// results for locks it no longer knows would be ignored anyway, so the backlog is bounded.
    private func keepForRetry(_ batch: [WorkerResult]) {
        guard !batch.isEmpty else { return }
        if oldestUnreported == nil { oldestUnreported = monotonicMilliseconds() }
        finished.insert(contentsOf: batch.suffix(Self.backlogLimit - min(Self.backlogLimit, finished.count)), at: 0)
    }

    /// The most unreported results kept while the controller cannot be reached.
    static let backlogLimit = 10_000

    private func start(_ assignment: Assignment) {
        inFlight += 1
        checks.run { await self.complete(self.execute(assignment)) }
    }

    private func complete(_ result: WorkerResult) {
        inFlight -= 1
        if finished.isEmpty { oldestUnreported = monotonicMilliseconds() }
        finished.append(result)
        resultsReady.signal()
        slotFreed.signal()
    }

    private func execute(_ assignment: Assignment) async -> WorkerResult {
        let outcome: CheckOutcome
        do {
            let type = try host.type(.check, assignment.type)
            let resolved = try params.resolve(type: type, data: assignment.data, host: host)
            outcome = await host.runCheck(type, params: resolved, budget: .milliseconds(assignment.budgetMilliseconds), label: "check \(assignment.checkID) (\(assignment.name))")
        } catch {
            outcome = CheckOutcome(status: .fail, message: "\(error)")
        }
        return WorkerResult(checkID: assignment.checkID, token: assignment.token, status: outcome.status,
                            message: outcome.message, latencyMilliseconds: outcome.latencyMilliseconds, metrics: outcome.metrics)
    }
}
