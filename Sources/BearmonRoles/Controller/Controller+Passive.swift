import BearmonCore

extension Controller {
    /// Evaluates the passive checks that are due, itself, from the store, and feeds each
    /// verdict to the state machine; flips go through the same fenced write and outbox as
    /// active checks. Does nothing without a view.
    func evaluatePassiveChecks() async {
        guard view != nil else { return }
        for run in scheduler.takeDuePassive(node: settings.node, now: monotonicMilliseconds()) {
            guard let check = valid[run.checkID], case .passive(let passive) = check.type.implementation else { continue }
            let params = check.params
            let time = wallMilliseconds()
            let started = monotonicMilliseconds()
            let outcome: CheckOutcome
            do {
                outcome = try await storeQueue.run { [store] in try passive.evaluate(params, store: store, now: time) }
            } catch {
                outcome = CheckOutcome(status: .fail, message: "cannot read the pushes from the store: \(error)")
            }
            // The view may have been lost while the store answered; a new view rebuilds the
            // scheduler, whose locks this run's token no longer matches.
            guard view != nil else { return }
            let latency = Double(monotonicMilliseconds() - started)
            handle(scheduler.reportPassive(run, status: outcome.status, message: outcome.message, node: settings.node, now: monotonicMilliseconds()))
            noteFigures(checkID: run.checkID, status: outcome.status, metrics: outcome.metrics)
            appendHistory(ResultRecord(checkID: run.checkID, node: settings.node, time: time, status: outcome.status,
                                       message: outcome.message, latencyMilliseconds: latency))
        }
    }
}
