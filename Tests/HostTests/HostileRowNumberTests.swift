import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonStore

/// A row written by SQL can hold any number its column allows: 64 bits in SQLite, 32 in
/// MariaDB's INT. None of them may trap the node, which would stop every check and alert.
@Suite("hostile numbers in stored rows")
struct HostileRowNumberTests {
    @Test("an interval over a year or a delay over 10,000 rounds is a poison row that names the fix; a year and 10,000 rounds load", arguments: StoreBackend.allCases)
    func catalogBounds(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let (largest, smallest) = backend == .mysql ? (Int64(Int32.max), Int64(Int32.min)) : (Int64.max, Int64.min)
        let rows: [(name: String, interval: Int64, delay: Int64)] = [
            ("largest interval", largest, 1), ("smallest interval", smallest, 1), ("a year and a second", CheckRow.maxIntervalSeconds + 1, 1),
            ("largest delay", 60, largest), ("smallest delay", 60, smallest), ("10,001 rounds", 60, CheckRow.maxDelay + 1),
            ("limits", CheckRow.maxIntervalSeconds, CheckRow.maxDelay),
        ]
        for row in rows {
            try store.database.execute("INSERT INTO checks (name, type, data, check_interval, delay) VALUES ('\(row.name)', 'tcp', '{\"address\":\"127.0.0.1:9\"}', \(row.interval), \(row.delay))")
        }
        let catalog = CheckCatalog(host: ProductChecks().host)
        var valid: [String] = [], poison: [String: String] = [:]
        for row in try store.checkRows() {
            switch catalog.validate(row) {
            case .success(let check): valid.append(check.row.name)
            case .failure(let row): poison[row.name] = row.reason
            }
        }
        #expect(valid == ["limits"])
        for name in ["largest interval", "a year and a second"] {
            #expect(poison[name]?.contains("is more than a year (31622400 seconds); fix it with `bearmon checks edit") == true, "\(name): \(poison[name] ?? "loaded")")
        }
        #expect(poison["smallest interval"]?.contains("must be at least 1 second") == true)
        for name in ["largest delay", "10,001 rounds"] {
            #expect(poison[name]?.contains("is more than 10000 rounds; fix it with `bearmon checks edit") == true, "\(name): \(poison[name] ?? "loaded")")
        }
        #expect(poison["smallest delay"]?.contains("must be 0 or more") == true)
    }

    @Test("a check at the longest interval runs, reports and is scheduled a year on, without overflow")
    func schedulerAtTheLimit() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 1))
        let start: Int64 = 9_000_000_000_000
        scheduler.load([SchedulerTests.definition(1, interval: CheckRow.maxIntervalSeconds, delay: CheckRow.maxDelay)], now: start)
        let run = scheduler.assign(to: "w", capacity: 1, now: start).assignments
        #expect(run.count == 1)
        _ = scheduler.report(WorkerResult(checkID: 1, token: run[0].token, status: .online, message: "up", latencyMilliseconds: 1), from: "w", now: start + 10)
        // Past the run's lock expiry, whose queue entry is now stale.
        #expect(scheduler.assign(to: "w", capacity: 1, now: start + 60_000).assignments.isEmpty)
        #expect(scheduler.nextWake == start + CheckRow.maxIntervalSeconds * 1_000)
    }

    @Test("push freshness, uptime spans and dependency holds take any stored number without trapping")
    func arithmeticSaturates() {
        let extremes: [Int64] = [.min, .min + 1, -1, 0, 1, 1_800_000_000_000, .max - 1, .max]
        for received in extremes {
            for interval in extremes {
                for now in [Int64.min, 0, 1_800_000_000_000, .max] {
                    _ = PushFreshness(receivedAt: received, intervalSeconds: interval, ttlSeconds: interval, now: now)
                }
            }
        }
        #expect(PushFreshness(receivedAt: 0, intervalSeconds: .max, ttlSeconds: .max, now: .max - 1) == .fresh)
        #expect(PushFreshness(receivedAt: .min, intervalSeconds: 1, ttlSeconds: 1, now: .max) == .expired)
        #expect(PushFreshness(receivedAt: .min, intervalSeconds: 10, ttlSeconds: .max, now: -2) == .stale(secondsAgo: (Int64.max - 1) / 1_000))

        for interval in extremes {
            let calculator = UptimeCalculator(intervalMs: interval.secondsInMilliseconds)
            let aggregate = ResultAggregate(results: 1, online: 1, latencySum: 1, latencyMin: 1, latencyMax: 1, firstAt: 0, lastAt: .max - 10)
            let spans = calculator.monitored([UptimeCalculator.Bucket(span: 0..<3_600_000, aggregate: aggregate)])
            #expect(spans == SpanSet([0..<3_600_000]), "interval \(interval)")
        }
        let parent = { (interval: Int64) in DependencyRule.Parent(id: 1, name: "p", intervalSeconds: interval, status: .online, confirmedAt: 0) }
        for interval in extremes {
            guard case .hold(_, let deadline) = DependencyRule.atFlip(parents: [parent(interval)], time: 1_000) else {
                Issue.record("an online parent holds the child's offline"); continue
            }
            #expect((1_000...(1_000 + DependencyRule.maxHold)).contains(deadline), "interval \(interval): \(deadline)")
        }
    }

    @Test("a healthcheck verdict over push rows received at the ends of time, and a maintenance window of any length in words, do not trap")
    func pushRowsAndWindows() throws {
        let now: Int64 = 1_800_000_000_000
        let rows = [Int64.min, -1, 0, now, .max].enumerated().map { index, received in
            PushRow(kind: .healthCheck, healthCheckID: "job.alive", nodeID: "n\(index)", serviceName: "jobs", serviceVersion: "1", status: 1,
                    timestamp: received, receivedAt: received, intervalSeconds: .max, ttlSeconds: .min, body: "{}")
        }
        let dir = try TempDirectory()
        let host = try PluginHost(config: Config(), directory: dir.path, threads: 1, logger: quietLogger)
        let params = try host.validate(try host.type(.check, "healthcheck"), data: #"{"id":"job.alive","max_age":30,"min_ok":3}"#)
        let verdict = HealthcheckCheck.Rule(params).verdict(rows, now: now)
        // Young enough: the row from now and the one from the future; the rest are old.
        #expect(verdict.status == .offline)
        #expect(verdict.message.hasPrefix("2 of min_ok 3 node(s) pushed job.alive OK within 30s; n0: last push \(Int64.max / 1_000)s ago"), "\(verdict.message)")
        for seconds in [Int64.min, -1, 0, 7_200, .max] {
            #expect(!HoldFields.whenText(.recurring(cron: "0 2 * * 0", durationSeconds: seconds, timeZone: "UTC")).isEmpty)
        }
    }

    @Test("push rows received at the ends of time, with intervals and ttls at their column's ends, neither fail a query nor trap the reaper", arguments: StoreBackend.allCases)
    func pushRowsAtTheEnds(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let now: Int64 = 1_800_000_000_000
        // BIGINT received_at; interval_s and ttl_s are INT in MariaDB and 64-bit in SQLite.
        let (largest, smallest) = backend == .mysql ? (Int64(Int32.max), Int64(Int32.min)) : (Int64.max, Int64.min)
        var hostile = 0
        for received in [Int64.max, .min, now] {
            for interval in [largest, smallest, 1] {
                for ttl in [largest, smallest, 1] where received != now || interval != 1 || ttl != 1 {
                    hostile += 1
                    let node = "'hostile-\(hostile)'", common = "'svc', 'v1', 0, \(received), \(interval), \(ttl), '{}'"
                    try store.database.execute("INSERT INTO push_healthchecks (healthcheck_id, node_id, status, service_name, service_version, timestamp, received_at, interval_s, ttl_s, body) VALUES ('hc', \(node), 1, \(common))")
                    try store.database.execute("INSERT INTO push_status (node_id, status, info, service_name, service_version, timestamp, received_at, interval_s, ttl_s, body) VALUES (\(node), 1, 'ok', \(common))")
                    try store.database.execute("INSERT INTO push_stats (node_id, service_name, service_version, timestamp, received_at, interval_s, ttl_s, body) VALUES (\(node), \(common))")
                }
            }
        }
        let fresh = "'svc', 'v1', 0, \(now - 1_000), 60, 600, '{}'"
        try store.database.execute("INSERT INTO push_healthchecks (healthcheck_id, node_id, status, service_name, service_version, timestamp, received_at, interval_s, ttl_s, body) VALUES ('hc', 'fresh', 1, \(fresh))")
        try store.database.execute("INSERT INTO push_status (node_id, status, info, service_name, service_version, timestamp, received_at, interval_s, ttl_s, body) VALUES ('fresh', 1, 'ok', \(fresh))")
        try store.database.execute("INSERT INTO push_stats (node_id, service_name, service_version, timestamp, received_at, interval_s, ttl_s, body) VALUES ('fresh', \(fresh))")

        for kind in PushKind.allCases {
            let rows = try store.pushes(kind, service: "svc", id: nil, now: now)
            #expect(rows.contains { $0.nodeID == "fresh" }, "\(kind): the fresh row is served beside the hostile ones")
            // Whatever the SQL says is unexpired, the freshness the pages show agrees with it.
            for row in rows { #expect(row.freshness(now: now) != .expired, "\(kind) \(row.nodeID)") }
        }
        let reaping = try store.reapPushes(now: now)
        #expect(reaping.expired > 0 && reaping.markedUnknown > 0, "\(reaping)")
        #expect(try store.reapPushes(now: now) == PushReaping(), "a second pass finds nothing left to do")
        for kind in PushKind.allCases {
            let rows = try store.pushes(kind, service: "svc", id: nil, now: now)
            #expect(rows.first { $0.nodeID == "fresh" }?.freshness(now: now) == .fresh, "\(kind)")
        }
    }

    @Test("an outbox row at the ends of its numbers is claimed, judged, retried and recorded without trapping or failing", arguments: StoreBackend.allCases)
    func outboxRowAtTheEnds(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let now: Int64 = 1_800_000_000_000, view: Int64 = 3
        let largestAttempts = backend == .mysql ? Int64(Int32.max) : Int64.max
        try store.database.execute("UPDATE controller_view SET number = \(view) WHERE id = 1")
        for (event, attempts) in [("never tried", Int64(0)), ("tried too often", largestAttempts)] {
            try store.database.execute(
                """
                INSERT INTO alert_outbox (event_id, flip_id, check_id, contact_id, status, check_name, check_type, check_data,
                    message, state, attempts, next_attempt, claimed_until, last_error, view, created_at, not_before)
                VALUES (?, ?, 1, ?, 'offline', 'web', 'tcp', '{}', 'down', 'pending', ?, ?, ?, '', 0, ?, ?)
                """,
                [.text(event), .text("flip \(event)"), .int(attempts == 0 ? 1 : 2), .int(attempts), .int(.min), .int(.min), .int(.min), .int(.min)]
            )
        }
        // The self-check: a row due since the beginning of time is a problem to report, not a trap.
        let due = try #require(try store.oldestDueNotification(now: now))
        #expect(due.dueAt == .min)
        let health = AlertingJudge(maxFlipWait: .seconds(60), maxNotifyWait: .seconds(60)).judge(flips: [], held: [], oldestDue: due, now: 0, wallNow: now)
        #expect(health.oldestDueNotificationMs == .max && health.problems.count == 1, "\(health.problems)")

        let entries = try store.claimOutbox(now: now, limit: 10, lease: .seconds(30), view: view)
        #expect(entries.map(\.eventID).sorted() == ["never tried", "tried too often"])
        let policy = RetryPolicy()
        for entry in entries {
            let attempts = entry.attempts.saturatingAdding(1)
            #expect(policy.givesUp(attempts: attempts, createdAt: entry.createdAt, now: now), "created at the beginning of time: past any age")
            #expect(policy.fallsBack(createdAt: entry.createdAt, now: now))
            #expect(policy.delay(afterAttempts: attempts) <= policy.cap + policy.cap / 5)
            try store.completeOutbox(entry.id, outcome: .retry(error: "still down", at: now + 1_000, fallBack: false), now: now, view: view)
        }
        let recorded = try store.outbox(states: [.pending]).filter { $0.eventID == "tried too often" }
        #expect(recorded.map(\.attempts) == [largestAttempts], "the count stops at the column's largest")
        #expect(try store.outbox(states: [.pending]).first { $0.eventID == "never tried" }?.attempts == 1)
    }

    @Test("a token whose stored last use is at either end of time still authenticates, and its use is recorded", arguments: [Int64.min + 1, .max])
    func tokenLastUseAtTheEnds(lastUsedAt: Int64) async throws {
        let dir = try TempDirectory("bearmon-hostile-token")
        let store = SQLStore(database: try SQLiteDatabase(path: dir.file("s.sqlite")))
        try store.migrate()
        let secret = TokenSecret.generate()
        let id = try store.addToken(name: "ends", scope: .read, sha256: TokenSecret.sha256Hex(secret), now: 1)
        try store.database.execute("UPDATE api_tokens SET last_used_at = \(lastUsedAt) WHERE id = \(id)")
        let now: Int64 = 1_800_000_000_000
        let book = TokenBook(store: store, logger: quietLogger, now: { now })
        #expect(try await book.token(bearer: secret)?.id == id)
        // A use long ago is recorded (in the background); one "in the future" is left as it is.
        let expected = lastUsedAt == .max ? Int64.max : now
        #expect(waitUntil(timeout: 30) { (try? store.tokens().first { $0.id == id }?.lastUsedAt) == expected })
    }

    @Test("a check whose stored timeout is near the top of 64 bits is a poison row, not a trap in the catalog's reload, and `bearmon check` refuses it")
    func timeoutAtTheTop() async throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        // 9223372036854771...775 seconds fit in milliseconds but not with the run's grace added.
        let timeouts: [Int64] = [.max, 9_223_372_036_854_775, 9_223_372_036_854_771, 9_223_372_036_854, .min, -1]
        for timeout in timeouts {
            try store.database.execute("INSERT INTO checks (name, type, data, check_interval, delay) VALUES ('t\(timeout)', 'nagios', '{\"command\":\"/bin/true\",\"timeout\":\(timeout)}', 60, 1)")
        }
        let catalog = CheckCatalog(host: ProductChecks().host)
        for row in try store.checkRows() {
            guard case .failure(let poison) = catalog.validate(row) else { Issue.record("\(row.name) loaded"); continue }
            #expect(poison.reason.contains("timeout"), "\(row.name): \(poison.reason)")
        }
        let refused = try await Command.bearmon(["check", "nagios", "--data", #"{"command":"/bin/true","timeout":9223372036854775}"#], timeout: 60)
        let said = refused.stdout + refused.stderr
        #expect(refused.status == 3 && !refused.timedOut && said.contains("parameter 'timeout': must be 1 to 300 seconds"), "\(refused.status): \(said)")
    }

    @Test("a reminder, a flapping share, stored aggregates and an exported window take any stored number without trapping")
    func textAndSumsAtTheEnds() {
        for since in [Int64.min, .min + 1, -1, .max] {
            #expect(EscalationRule.stillOffline(since: since, now: 1_800_000_000_000).hasPrefix("still offline for "))
        }
        #expect(EscalationRule.stillOffline(since: .min, now: .max) == "still offline for \(Int64.max / 3_600_000) h\(Int64.max / 60_000 % 60 > 0 ? " \(Int64.max / 60_000 % 60) min" : "")")
        for share in [1e300, -1e300, .infinity, -.infinity, .nan, 0.456] {
            let text = FlappingRule.percent(share)
            #expect(["100%", "0%", "46%"].contains(text), "\(share): \(text)")
        }
        let top = ResultAggregate(results: .max, online: .max, latencySum: 1e300, latencyMin: 0, latencyMax: 1, firstAt: .min, lastAt: .max)
        let bottom = ResultAggregate(results: .min, online: .min, latencySum: -1e300, latencyMin: 0, latencyMax: 1, firstAt: .min, lastAt: .max)
        #expect([top, top].onlineRatio == 1)
        #expect([top, top].meanLatency.map { $0.isFinite && $0 > 0 } == true)
        #expect([bottom, bottom].onlineRatio == nil && [bottom].meanLatency == nil, "no positive count: no results")
        var merged = top
        merged.merge(top)
        #expect(merged.results == .max && merged.online == .max)
        merged = bottom
        merged.merge(bottom)
        #expect(merged.results == .min)
    }

    @Test("a standalone node on a database whose controller view is at its top refuses to start, and says how to fix it")
    func viewAtTheTop() async throws {
        let dir = try TempDirectory("bearmon-hostile-view")
        let db = dir.file("s.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        try store.database.execute("UPDATE controller_view SET number = 9223372036854775807, holder = 'someone' WHERE id = 1")
        let result = try await Command.bearmon(["standalone", "--db", "sqlite:\(db)", "--addr", "127.0.0.1:\(try refusedPort())"], timeout: 60)
        #expect(!result.timedOut && result.status == 1, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("controller_view.number is 9223372036854775807") && result.stderr.contains("UPDATE controller_view SET number = 1"), "\(result.stderr)")
    }

    @Test("history writes into hourly and daily buckets whose counts are at BIGINT's top go through, and the counts stay there", arguments: StoreBackend.allCases)
    func bucketsAtTheTop(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let now: Int64 = 1_800_000_000_000, hour = now / ResultRollup.hourMs * ResultRollup.hourMs
        for (table, bucket) in [("check_hourly", hour), ("check_daily", DayCalendar.utc.day(of: now))] {
            try store.database.execute("""
                INSERT INTO \(table) (check_id, \(table == "check_hourly" ? "hour_start" : "day"), results, online, latency_sum, latency_min, latency_max, first_at, last_at)
                VALUES (1, \(bucket), 9223372036854775807, 9223372036854775806, 1, 1, 1, \(now), \(now))
                """)
        }
        let results = (0..<3).map { ResultRecord(checkID: 1, node: "w", time: now + Int64($0), status: .online, message: "ok", latencyMilliseconds: 2) }
        try store.recordResults(results, batchID: "top", days: .utc)
        let hourly = try #require(try store.hourlyAggregates(checkID: 1, from: hour, to: hour + 1).first)
        #expect(hourly.aggregate.results == .max && hourly.aggregate.online == .max && hourly.aggregate.lastAt == now + 2)
        let daily = try #require(try store.dailyAggregates(checkID: 1, from: 0, to: .max).first)
        #expect(daily.aggregate.results == .max && daily.aggregate.online == .max)
        #expect(try store.results(checkID: 1, before: nil, limit: 10).count == 3, "the results themselves are written")
    }

    @Test("stored latencies and shares of infinity or NaN read as 0, so results and checks still encode as JSON")
    func nonFiniteDoubles() throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = LocalCatalog(store: store, host: ProductChecks().host)
        let id = try catalog.createCheck(try JSONValue.parse(#"{"name":"web","type":"tcp","data":{"address":"127.0.0.1:9"}}"#)).id
        for (index, latency) in ["1e999", "-1e999", "'nan'", "'inf'", "12.5"].enumerated() {
            try store.database.execute("INSERT INTO check_results (check_id, node, time, status, message, latency_ms) VALUES (\(id), 'w', \(1_800_000_000_000 + index), 'online', 'ok', \(latency))")
        }
        let results = try catalog.results(check: id, PageRequest(limit: 10))
        #expect(results.items.map(\.latencyMs) == [12.5, 0, 0, 0, 0])
        _ = try JSONEncoder().encode(results.items)
        _ = try JSONEncoder().encode(try catalog.check(id))
        #expect(SQLValue.double(.nan).double == nil && SQLValue.text("-inf").double == nil && SQLValue.double(-0.5).double == -0.5)
    }

    @Test("the saturating helpers stop at the bounds and are exact inside them")
    func saturatingHelpers() {
        #expect(Int64(31_622_400).secondsInMilliseconds == 31_622_400_000)
        #expect(Int64(-5).secondsInMilliseconds == -5_000)
        #expect(Int64.max.secondsInMilliseconds == .max && Int64.min.secondsInMilliseconds == .min)
        #expect(Int64.max.saturatingAdding(1) == .max && Int64.min.saturatingAdding(-1) == .min && Int64(2).saturatingAdding(-3) == -1)
        #expect(Int64.min.saturatingSubtracting(1) == .min && Int64.max.saturatingSubtracting(-1) == .max && Int64(2).saturatingSubtracting(3) == -1)
    }
}
