package import BearmonCore
package import BearmonStore

/// Uptime of one check over the standard windows, read from the store's flips and
/// aggregates (never raw results) and computed by ``UptimeCalculator``.
package struct UptimeReader: Sendable {
    /// The windows reported, with their length.
    package static let windows: [(name: String, length: Int64)] = [
        ("24h", 86_400_000), ("7d", 7 * 86_400_000), ("30d", 30 * 86_400_000), ("90d", 90 * 86_400_000),
    ]

    let store: any Store
    let days: DayCalendar

    /// A reader over `store`, whose daily aggregates are cut in `days` (`[status] timezone`).
    package init(store: any Store, days: DayCalendar) {
        self.store = store
        self.days = days
    }

    /// Uptime per window name at `now`, nil where nothing was monitored. Windows up to 30 days
    /// read hourly aggregates; longer ones daily ones.
    package func uptime(checkID: Int64, intervalSeconds: Int64, tags: [String], now: Int64) throws -> [String: Double?] {
        let calculator = UptimeCalculator(intervalMs: intervalSeconds * 1_000)
        let longest = Self.windows.map(\.length).max() ?? 0
        let flips = try store.flips(checkID: checkID, from: now - longest, to: now + 1)
        let calendar = try store.holdCalendar(now: now)
        let hourly = try store.hourlyAggregates(checkID: checkID, from: now - 30 * 86_400_000 - ResultRollup.hourMs, to: now + 1).map {
            UptimeCalculator.Bucket(span: $0.hourStart..<($0.hourStart + ResultRollup.hourMs), aggregate: $0.aggregate)
        }
        let firstDay = days.day(of: now - longest)
        let daily = try store.dailyAggregates(checkID: checkID, from: firstDay, to: days.day(of: now)).map {
            UptimeCalculator.Bucket(span: days.start(ofDay: $0.day)..<days.start(ofDay: $0.day + 1), aggregate: $0.aggregate)
        }
        var report: [String: Double?] = [:]
        for window in Self.windows {
            let span = (now - window.length)..<now
            let maintenance = calendar.maintenanceSpans(checkID: checkID, tags: tags, in: span)
            report[window.name] = calculator.uptime(in: span, flips: flips, buckets: window.length <= 30 * 86_400_000 ? hourly : daily,
                                                    maintenance: maintenance)
        }
        return report
    }
}
