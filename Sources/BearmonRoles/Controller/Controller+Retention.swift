import BearmonCore
import BearmonStore

extension Controller {
    /// Rows deleted per store call while pruning: small, so that each call holds its locks
    /// briefly and flips, outbox claims and fence checks queued behind it wait little.
    static let pruneBatch = 500
    /// How long hourly aggregates are kept (daily ones: `[store] historyRetention`).
    static let hourlyRetention = Duration.seconds(30 * 86_400)

    /// Deletes what is older than `[store] retention`: raw results, and finished outbox rows
    /// (delivered or failed); hourly aggregates older than 30 days, daily ones older than
    /// `[store] historyRetention`. Each table is pruned in batches of ``pruneBatch``, each its own
    /// store call, until a batch comes back short. Flips, `check_events` and `charges` are
    /// history and are kept.
    func pruneHistory() async {
        let cutoff = wallMilliseconds() - settings.retention.inMilliseconds
        let limit = Self.pruneBatch
        await prune("results") { [store] in try store.pruneResults(before: cutoff, limit: limit) }
        await prune("delivered or failed notifications") { [store] in try store.pruneOutbox(before: cutoff, limit: limit) }
        let now = wallMilliseconds()
        let hoursBefore = now - Self.hourlyRetention.inMilliseconds
        let daysBefore = settings.days.day(of: now - settings.historyRetention.inMilliseconds)
        await prune("uptime aggregates past their retention") { [store] in
            try store.pruneAggregates(hoursBefore: hoursBefore, daysBefore: daysBefore, batchesBefore: hoursBefore, limit: limit)
        }
    }

    /// Runs `batch` until it deletes fewer than ``pruneBatch`` rows, and logs the total.
    private func prune(_ what: String, batch: @escaping @Sendable () throws -> Int64) async {
        var removed: Int64 = 0
        do {
            while !Task.isCancelled {
                let count = try await storeQueue.run(batch)
                removed += count
                if count < Self.pruneBatch { break }
            }
        } catch {
            logger.warning("cannot prune \(what) older than the retention: \(error)")
        }
        if removed > 0 { logger.info("pruned \(removed) \(what) older than the retention") }
    }
}
