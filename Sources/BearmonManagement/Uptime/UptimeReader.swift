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

    /// The key of the current calendar month (in `days`' zone) in ``uptime(checkID:intervalSeconds:tags:now:)``.
    package static let month = "month"

    /// Uptime per window name at `now`, nil where nothing was monitored, and the current
    /// calendar month so far as ``month``. Windows up to 30 days read hourly aggregates;
    /// longer ones, and a month that began before the hourly ones reach back, daily ones
    /// (a month begins at a local midnight, so its days are whole).
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
        let hourlyFrom = now - 30 * 86_400_000
        let monthStart = days.start(ofDay: days.firstDayOfMonth(containing: days.day(of: now)))
        var report: [String: Double?] = [:]
        for (name, start) in Self.windows.map({ ($0.name, now - $0.length) }) + [(Self.month, monthStart)] {
            let span = start..<now
            let maintenance = calendar.maintenanceSpans(checkID: checkID, tags: tags, in: span)
            report[name] = calculator.uptime(in: span, flips: flips, buckets: start >= hourlyFrom ? hourly : daily, maintenance: maintenance)
        }
        return report
    }

    /// The latency windows: as far back as hourly aggregates are kept.
    package static let latencyWindows = windows.filter { $0.length <= 30 * 86_400_000 }

    /// Mean latency (ms) of the results in each of ``latencyWindows`` at `now`, from the
    /// hourly aggregates (the hour `now - length` falls in counts whole); nil without results.
    package func meanLatency(checkID: Int64, now: Int64) throws -> [String: Double?] {
        let longest = Self.latencyWindows.map(\.length).max() ?? 0
        let hourly = try store.hourlyAggregates(checkID: checkID, from: now - longest - ResultRollup.hourMs, to: now + 1)
        var report: [String: Double?] = [:]
        for window in Self.latencyWindows {
            let from = now - window.length - ResultRollup.hourMs
            let inWindow = hourly.filter { $0.hourStart > from }.map(\.aggregate)
            let results = inWindow.reduce(0) { $0 + $1.results }
            report[window.name] = results > 0 ? inWindow.reduce(0) { $0 + $1.latencySum } / Double(results) : nil
        }
        return report
    }
}
