import BearmonCore
import BearmonMetrics

extension Controller {
    /// The per-check series for `/metrics`, nil while this controller holds no view (a worker
    /// that is not the controller exports none, so a cluster exports each check once).
    /// `uptime` holds the cached ratios by check; a check with some is known even before this
    /// controller has had a result for it.
    func metricsSeries(uptime: [Int64: [(window: String, ratio: Double)]]) -> ControllerSeries? {
        guard let view else { return nil }
        let now = monotonicMilliseconds()
        let checks = scheduler.checks.values.sorted { $0.definition.id < $1.definition.id }.map { live -> ControllerSeries.Check in
            let id = live.definition.id
            let figures = checkFigures[id] ?? CheckFigures()
            let ratios = uptime[id] ?? []
            return ControllerSeries.Check(
                id: id, name: live.definition.name, type: live.definition.type,
                up: figures.judged || !ratios.isEmpty ? live.status == .online : nil,
                latencySeconds: live.lastResult.map { $0.latencyMilliseconds / 1_000 }, flips: figures.flips, uptime: ratios,
                metrics: figures.metrics
            )
        }
        return ControllerSeries(view: view, workersAlive: scheduler.aliveWorkers(now: now).count, outboxPending: nil, checks: checks)
    }

    /// The checks this controller runs, with their interval in seconds; nil without a view.
    func metricsChecks() -> [(id: Int64, intervalSeconds: Int64)]? {
        guard view != nil else { return nil }
        return scheduler.checks.values.map { ($0.definition.id, $0.definition.intervalSeconds) }.sorted { $0.id < $1.id }
    }

    /// Notes a result for `/metrics`: its verdict and its plugin metrics.
    func noteFigures(checkID: Int64, status: CheckStatus, metrics: [Metric]) {
        guard scheduler.checks[checkID] != nil else { return }
        checkFigures[checkID, default: CheckFigures()].metrics = metrics
        if status != .fail { checkFigures[checkID, default: CheckFigures()].judged = true }
    }
}
