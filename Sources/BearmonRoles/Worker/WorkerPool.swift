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
    var inFlight = 0
    var finished: [WorkerResult] = []
    let resultsReady = ChangeSignal()
    let slotFreed = ChangeSignal()
    var params = ParamsCache(limit: 50_000)
    /// The checks running now, one task each; `run` cancels and waits for them on its way out.
    let checks = TaskSet()

    /// A pool of `capacity` slots that asks `link` for work as `node`.
    package init(node: String, host: PluginHost, link: any ControllerLink, capacity: Int, logger: Logger = Logger(label: "bearmon.worker")) {
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
            do {
                let assignments = try await link.exchange(worker: node, results: [], capacity: free, wait: .milliseconds(20_000))
                backoff = 100
                if failing != nil {
                    logger.notice("getting work from the controller again")
                    failing = nil
                }
                for assignment in assignments { start(assignment) }
            } catch {
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

    private func reportResults() async {
        while !Task.isCancelled {
            guard !finished.isEmpty else {
                await resultsReady.wait(milliseconds: 1_000)
                continue
            }
            let batch = finished
            finished.removeAll(keepingCapacity: true)
            do {
                _ = try await link.exchange(worker: node, results: batch, capacity: 0, wait: .milliseconds(0))
            } catch {
                // The controller may be failing over; results for locks it no longer knows
                // would be ignored anyway, so keep only a bounded backlog.
                logger.warning("cannot report \(batch.count) results: \(error)")
                finished.insert(contentsOf: batch.suffix(10_000 - min(10_000, finished.count)), at: 0)
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    private func start(_ assignment: Assignment) {
        inFlight += 1
        checks.run { await self.complete(self.execute(assignment)) }
    }

    private func complete(_ result: WorkerResult) {
        inFlight -= 1
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
