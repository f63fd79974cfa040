import BearmonCore
import BearmonManagement
import BearmonMetrics
import BearmonStore
import Logging
import Synchronization

/// The acting controller's side of `/metrics`: the controller's snapshot, one count of the
/// outbox per scrape, and uptime ratios from a cache that ``run()`` refreshes every minute,
/// so that a scrape never reads 10,000 checks' history. On its own store connection.
final class ControllerMetrics: Sendable {
    /// How often the uptime ratios are computed again.
    static let uptimeRefresh = Duration.seconds(60)
    /// How often a node that is not the controller looks whether it has become it.
    static let idlePoll = Duration.seconds(2)
    /// Checks computed per store call, so that the store's queue is never held long.
    static let batch = 100

    let controller: Controller
    let store: any Store
    let days: DayCalendar
    let logger: Logger
    /// How often the ratios are computed: ``uptimeRefresh``, or a test's ``NodeHooks/metricsRefresh``.
    let refreshEvery: Duration
    private let queue = BlockingExecutor(label: "bearmon.metrics.store")
    private let ratios = Mutex<[Int64: [(window: String, ratio: Double)]]>([:])

    /// Metrics of `controller`, reading `store` (a connection of their own) with days cut in `days`.
    init(controller: Controller, store: any Store, days: DayCalendar, logger: Logger) {
        self.controller = controller
        self.store = store
        self.days = days
        self.logger = logger
        refreshEvery = NodeHooks.current.metricsRefresh ?? Self.uptimeRefresh
    }

    /// The per-check series, nil while this node is not the controller. A store that cannot
    /// count the outbox leaves `bearmon_outbox_pending` out, and the rest is served.
    func series() async -> ControllerSeries? {
        guard var series = await controller.metricsSeries(uptime: ratios.withLock { $0 }) else { return nil }
        do {
            series.outboxPending = try await queue.run { [store] in try store.pendingOutboxCount() }
        } catch {
            logger.warning("/metrics: cannot count the outbox's pending rows, leaving bearmon_outbox_pending out: \(error)")
        }
        return series
    }

    /// Refreshes the uptime ratios every minute while this node is the controller, until cancelled.
    func run() async {
        while !Task.isCancelled {
            let acted = await refresh()
            try? await Task.sleep(for: acted ? refreshEvery : Self.idlePoll)
        }
    }

    /// Computes every check's ratios once; false when this node is not the controller.
    @discardableResult
    func refresh() async -> Bool {
        guard let checks = await controller.metricsChecks() else { return false }
        let reader = UptimeReader(store: store, days: days)
        let now = wallMilliseconds()
        do {
            let tags = try await queue.run { [store] in try store.checkTags() }
            var fresh: [Int64: [(window: String, ratio: Double)]] = [:]
            for start in stride(from: 0, to: checks.count, by: Self.batch) {
                guard !Task.isCancelled else { return true }
                let part = Array(checks[start..<min(start + Self.batch, checks.count)])
                let computed = try await queue.run {
                    let reports = try reader.uptime(of: part.map { UptimeReader.Subject(id: $0.id, intervalSeconds: $0.intervalSeconds, tags: tags[$0.id] ?? []) }, now: now)
                    return part.map { check in
                        let report = reports[check.id] ?? [:]
                        let ratios: [(window: String, ratio: Double)] = UptimeReader.windows.compactMap { window in
                            guard let value = report[window.name], let ratio = value else { return nil }
                            return (window.name, ratio)
                        }
                        return (check.id, ratios)
                    }
                }
                for (id, ratios) in computed { fresh[id] = ratios }
            }
            ratios.withLock { $0 = fresh }
        } catch {
            logger.warning("/metrics: cannot compute uptime ratios, keeping the last ones: \(error)")
        }
        return true
    }
}
