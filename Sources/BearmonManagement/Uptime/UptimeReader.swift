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

    /// One check whose uptime is asked: its id, interval and tags (maintenance can cover a tag).
    package struct Subject: Sendable {
        /// `checks.id`.
        package var id: Int64
        /// `checks.interval`, seconds.
        package var intervalSeconds: Int64
        /// Its tags.
        package var tags: [String]

        /// A value from its parts.
        package init(id: Int64, intervalSeconds: Int64, tags: [String]) {
            self.id = id
            self.intervalSeconds = intervalSeconds
            self.tags = tags
        }
    }

    /// Uptime per window name at `now`, nil where nothing was monitored, and the current
    /// calendar month so far as ``month``. Windows up to 30 days read hourly aggregates;
    /// longer ones, and a month that began before the hourly ones reach back, daily ones
    /// (a month begins at a local midnight, so its days are whole).
    package func uptime(checkID: Int64, intervalSeconds: Int64, tags: [String], now: Int64) throws -> [String: Double?] {
        try uptime(of: [Subject(id: checkID, intervalSeconds: intervalSeconds, tags: tags)], now: now)[checkID] ?? [:]
    }

    /// As ``uptime(checkID:intervalSeconds:tags:now:)`` for each of `checks`, by id, read with
    /// a few queries for the whole batch (`/metrics` refreshes every check's ratios).
    package func uptime(of checks: [Subject], now: Int64) throws -> [Int64: [String: Double?]] {
        let ids = checks.map(\.id)
        let longest = Self.windows.map(\.length).max() ?? 0
        let flips = try store.flips(checkIDs: ids, from: now - longest, to: now + 1)
        let calendar = try store.holdCalendar(now: now)
        let hourly = try store.hourlyAggregates(checkIDs: ids, from: now - 30 * 86_400_000 - ResultRollup.hourMs, to: now + 1)
        let daily = try store.dailyAggregates(checkIDs: ids, from: days.day(of: now - longest), to: days.day(of: now))
        let hourlyFrom = now - 30 * 86_400_000
        let monthStart = days.start(ofDay: days.firstDayOfMonth(containing: days.day(of: now)))
        var reports: [Int64: [String: Double?]] = [:]
        for check in checks {
            let calculator = UptimeCalculator(intervalMs: check.intervalSeconds.secondsInMilliseconds)
            let hours = (hourly[check.id] ?? []).map {
                UptimeCalculator.Bucket(span: $0.hourStart..<($0.hourStart + ResultRollup.hourMs), aggregate: $0.aggregate)
            }
            let wholeDays = (daily[check.id] ?? []).map {
                UptimeCalculator.Bucket(span: days.start(ofDay: $0.day)..<days.start(ofDay: $0.day + 1), aggregate: $0.aggregate)
            }
            var report: [String: Double?] = [:]
            for (name, start) in Self.windows.map({ ($0.name, now - $0.length) }) + [(Self.month, monthStart)] {
                let span = start..<now
                let maintenance = calendar.maintenanceSpans(checkID: check.id, tags: check.tags, in: span)
                report[name] = calculator.uptime(in: span, flips: flips[check.id] ?? [], buckets: start >= hourlyFrom ? hours : wholeDays, maintenance: maintenance)
            }
            reports[check.id] = report
        }
        return reports
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
            report[window.name] = hourly.filter { $0.hourStart > from }.map(\.aggregate).meanLatency
        }
        return report
    }
}
