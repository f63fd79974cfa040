import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// Aggregates written with the results, on both backends, and uptime read from them.
@Suite("uptime aggregates in the store (SQLite and MySQL)")
struct UptimeStoreTests {
    static let hour: Int64 = 3_600_000
    static let now: Int64 = 1_800_000_000_000 / hour * hour

    @Test("results roll up per hour and local day in their transaction; a batch written twice counts once", arguments: StoreBackend.allCases)
    func aggregates(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let berlin = try #require(DayCalendar(identifier: "Europe/Berlin"))
        let batch = (0..<120).map { minute in
            ResultRecord(checkID: 7, node: "w\(minute % 3)", time: Self.now + Int64(minute) * 60_000, status: minute % 10 == 0 ? .offline : .online,
                         message: "m", latencyMilliseconds: Double(minute))
        }
        try store.recordResults(batch, batchID: "batch-1", days: berlin)
        try store.recordResults(batch, batchID: "batch-1", days: berlin)
        let hours = try store.hourlyAggregates(checkID: 7, from: Self.now, to: Self.now + 3 * Self.hour)
        #expect(hours.map(\.hourStart) == [Self.now, Self.now + Self.hour])
        #expect(hours.map(\.aggregate.results) == [60, 60] && hours.map(\.aggregate.online) == [54, 54])
        #expect(hours[1].aggregate.latencyMin == 60 && hours[1].aggregate.latencyMax == 119 && hours[1].aggregate.latencySum == Double((60..<120).reduce(0, +)))
        #expect(hours[0].aggregate.firstAt == Self.now && hours[0].aggregate.lastAt == Self.now + 59 * 60_000)
        // A second batch adds to the same buckets.
        try store.recordResults([ResultRecord(checkID: 7, node: "w9", time: Self.now + 5, status: .online, message: "", latencyMilliseconds: 500)],
                                batchID: "batch-2", days: berlin)
        let again = try store.hourlyAggregates(checkID: 7, from: Self.now, to: Self.now + Self.hour)
        #expect(again.first?.aggregate.results == 61 && again.first?.aggregate.latencyMax == 500)
        let days = try store.dailyAggregates(checkID: 7, from: berlin.day(of: Self.now) - 1, to: berlin.day(of: Self.now) + 1)
        #expect(days.map(\.aggregate.results).reduce(0, +) == 121)
        #expect(try store.pruneAggregates(hoursBefore: Self.now + Self.hour, daysBefore: berlin.day(of: Self.now) + 5, batchesBefore: Int64.max, limit: 500) == 1 + Int64(days.count) + 2, "one hour, every day, both batches")
        #expect(try store.hourlyAggregates(checkID: 7, from: 0, to: Int64.max).map(\.hourStart) == [Self.now + Self.hour])
    }

    @Test("a batch larger than any one statement goes in whole, in order, and adds to buckets already there", arguments: StoreBackend.allCases)
    func manyRowsPerStatement(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        // 333 checks: statements of 128, 32, 8, 2 and 1 rows, each size more than once.
        let checks = Int64(1)...Int64(333)
        func batch(_ round: Int64) -> [ResultRecord] {
            checks.map { check in
                ResultRecord(checkID: check, node: "w\(check % 3)", time: Self.now + round * 60_000 + check, status: check % 7 == 0 ? .offline : .online,
                             message: "round \(round) of \(check) ✓ e\u{301}", latencyMilliseconds: Double(check) + Double(round) / 2)
            }
        }
        try store.recordResults(batch(0), batchID: "big-0", days: .utc)
        try store.recordResults(batch(1), batchID: "big-1", days: .utc)
        for check in [Int64(1), 128, 129, 160, 161, 329, 332, 333] {
            let stored = try store.results(checkID: check, before: nil, limit: 10)
            #expect(stored.map(\.record) == [batch(1)[Int(check) - 1], batch(0)[Int(check) - 1]], "check \(check)")
            let hour = try #require(try store.hourlyAggregates(checkID: check, from: Self.now, to: Self.now + Self.hour).first)
            #expect(hour.aggregate.results == 2 && hour.aggregate.online == (check % 7 == 0 ? 0 : 2), "check \(check)")
            #expect(hour.aggregate.latencyMin == Double(check) && hour.aggregate.latencyMax == Double(check) + 0.5)
            #expect(hour.aggregate.firstAt == Self.now + check && hour.aggregate.lastAt == Self.now + 60_000 + check)
        }
        // Ids follow the batch's order: within a statement and from one statement to the next.
        let ids = try checks.map { try #require(try store.results(checkID: $0, before: nil, limit: 2).last?.id) }
        #expect(ids == ids.sorted() && Set(ids).count == 333)
    }

    @Test("a flip keeps when its streak began; uptime over 24 h reads flips and hourly aggregates", arguments: StoreBackend.allCases)
    func uptime(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: "{}", interval: 60, delay: 0))
        #expect(try store.raiseView(to: 1, holder: "t"))
        let start = Self.now - 24 * Self.hour
        let results = stride(from: start, to: Self.now, by: 60_000).map {
            ResultRecord(checkID: check, node: "w", time: $0, status: .online, message: "", latencyMilliseconds: 1)
        }
        try store.recordResults(results, batchID: "day", days: .utc)
        let down = start + 5 * Self.hour
        for (status, time, began) in [(CheckStatus.offline, down + 120_000, down), (.online, down + 3 * Self.hour + 60_000, down + 3 * Self.hour)] {
            _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "", time: time,
                                                 checkName: "web", checkType: "tcp", maskedData: "{}", beganAt: began), view: 1)
        }
        #expect(try store.flips(checkID: check, from: start, to: Self.now).map(\.beganAt) == [down, down + 3 * Self.hour])
        // Two hours of it in a maintenance window: 22 h counted, 1 h of it down.
        _ = try store.addMaintenance(MaintenanceRow(id: 0, name: "", scope: .check(check), timing: .oneOff(start: down + Self.hour, end: down + 3 * Self.hour),
                                                    comment: "", createdBy: "t", createdAt: 0), now: 0)
        let uptime = try UptimeReader(store: store, days: .utc).uptime(checkID: check, intervalSeconds: 60, tags: [], now: Self.now)
        let day = try #require(uptime["24h"] ?? nil)
        #expect(abs(day - (1 - 1.0 / 22)) < 1e-9, "\(day)")
        #expect(uptime["7d"] ?? nil == day, "the week before was not monitored")
    }
}
