import Foundation
import Testing
@testable import BearmonCore

/// Uptime arithmetic against answers computed by hand.
@Suite("uptime arithmetic")
struct UptimeCalculatorTests {
    static let hour: Int64 = 3_600_000
    static let minute: Int64 = 60_000
    /// A whole hour, so that buckets line up with the window.
    static let now: Int64 = 1_800_000_000_000 / hour * hour

    /// Full hourly buckets from `from` to `to` (results every minute).
    private func buckets(from: Int64, to: Int64) -> [UptimeCalculator.Bucket] {
        let hour = Self.hour, minute = Self.minute
        return stride(from: from / hour * hour, to: to, by: Int(hour)).map { (start: Int64) -> UptimeCalculator.Bucket in
            let span: Range<Int64> = start..<(start + hour)
            let aggregate = ResultAggregate(results: 60, online: 60, latencySum: 60, latencyMin: 1, latencyMax: 1,
                                            firstAt: max(start, from), lastAt: start + hour - minute)
            return UptimeCalculator.Bucket(span: span, aggregate: aggregate)
        }
    }

    private func flip(_ status: CheckStatus, at time: Int64, began: Int64? = nil) -> FlipHistoryRow {
        var row = FlipHistoryRow(flipID: UUID().uuidString, checkID: 1, status: status, message: "", view: 1, time: time)
        row.beganAt = began
        return row
    }

    private let calculator = UptimeCalculator(intervalMs: 60_000)
    private var day: Range<Int64> { (Self.now - 24 * Self.hour)..<Self.now }

    @Test("a 90-minute outage inside a fully monitored day: 1 - 90/1440; it starts and ends where its streaks began")
    func outageOfKnownLength() throws {
        // Failures began at 10:00 (the flip was decided at 10:02); passes began at 11:30 (decided 11:31).
        let start = day.lowerBound + 10 * Self.hour
        let flips = [flip(.offline, at: start + 2 * Self.minute, began: start), flip(.online, at: start + 91 * Self.minute, began: start + 90 * Self.minute)]
        let uptime = try #require(calculator.uptime(in: day, flips: flips, buckets: buckets(from: day.lowerBound, to: Self.now), maintenance: SpanSet()))
        #expect(abs(uptime - (1 - 90.0 / 1_440)) < 1e-9)
    }

    @Test("a window that starts before the first result counts only from it")
    func startsBeforeFirstResult() throws {
        let firstResult = Self.now - 6 * Self.hour + 15 * Self.minute   // 5 h 45 min monitored
        let outageStart = Self.now - 2 * Self.hour
        let flips = [flip(.offline, at: outageStart, began: outageStart), flip(.online, at: outageStart + 30 * Self.minute, began: outageStart + 23 * Self.minute)]
        let uptime = try #require(calculator.uptime(in: day, flips: flips, buckets: buckets(from: firstResult, to: Self.now), maintenance: SpanSet()))
        #expect(abs(uptime - (1 - 23.0 / 345)) < 1e-9)
        // Nothing monitored at all: no number, rather than 100 %.
        #expect(calculator.uptime(in: day, flips: [], buckets: [], maintenance: SpanSet()) == nil)
    }

    @Test("maintenance is left out of both sides; so is time without results (bearmon down)")
    func maintenanceAndGapsExcluded() throws {
        let start = day.lowerBound + 8 * Self.hour
        // Down 08:00-10:00; maintenance 07:00-09:00; no results at all 20:00-23:00.
        let flips = [flip(.offline, at: start, began: start), flip(.online, at: start + 2 * Self.hour, began: start + 2 * Self.hour)]
        let monitored = buckets(from: day.lowerBound, to: day.lowerBound + 20 * Self.hour) + buckets(from: day.lowerBound + 23 * Self.hour, to: Self.now)
        let maintenance = SpanSet([(start - Self.hour)..<(start + Self.hour)])
        let uptime = try #require(calculator.uptime(in: day, flips: flips, buckets: monitored, maintenance: maintenance))
        // Counted: 24 h - 3 h gap - 2 h maintenance = 19 h (the last hour before the gap ends at
        // its last result plus one interval: exactly 20:00). Down outside maintenance: 1 h.
        #expect(abs(uptime - (1 - 1.0 / 19)) < 1e-9)
    }

    @Test("a failover in the middle: flips from two views, an outage still open at the end runs to it")
    func failoverAndOpenOutage() throws {
        let first = day.lowerBound + 3 * Self.hour
        let second = Self.now - 3 * Self.hour
        let flips = [
            flip(.offline, at: day.lowerBound - Self.hour, began: day.lowerBound - 2 * Self.hour), // down before the window
            flip(.online, at: first, began: first),                                                // back at 03:00 (view 1)
            flip(.offline, at: second + Self.minute, began: second),                               // down at 21:00 (view 2), still down
        ]
        let uptime = try #require(calculator.uptime(in: day, flips: flips, buckets: buckets(from: day.lowerBound - 5 * Self.hour, to: Self.now), maintenance: SpanSet()))
        #expect(abs(uptime - (1 - 6.0 / 24)) < 1e-9)
    }

    @Test("span sets: union, intersection, subtraction, clamping")
    func spanSets() {
        let a = SpanSet([0..<10, 5..<15, 20..<30, 40..<40])
        #expect(a.spans == [0..<15, 20..<30] && a.length == 25)
        #expect(a.intersection(SpanSet([10..<25])).spans == [10..<15, 20..<25])
        #expect(a.subtracting(SpanSet([3..<4, 12..<22])).spans == [0..<3, 4..<12, 22..<30])
        #expect(a.clamped(to: 14..<21).spans == [14..<15, 20..<21])
    }

    @Test("local days: Berlin's days around both 2026 DST changes; rollups cut hours and days")
    func daysAndRollups() throws {
        let berlin = try #require(DayCalendar(identifier: "Europe/Berlin"))
        #expect(DayCalendar(identifier: "Mars/Base") == nil)
        let march29 = berlin.day(of: 1_774_738_800_000) // 2026-03-29T00:00+01:00 (spring forward that night)
        #expect(berlin.start(ofDay: march29) == 1_774_738_800_000)
        #expect(berlin.start(ofDay: march29 + 1) - berlin.start(ofDay: march29) == 23 * Self.hour)
        let october25 = berlin.day(of: 1_792_879_200_000) // 2026-10-25T00:00+02:00 (fall back)
        #expect(berlin.start(ofDay: october25 + 1) - berlin.start(ofDay: october25) == 25 * Self.hour)
        #expect(DayCalendar.utc.day(of: -1) == -1)

        let results = [
            ResultRecord(checkID: 1, node: "a", time: Self.now + 1_000, status: .online, message: "", latencyMilliseconds: 2),
            ResultRecord(checkID: 1, node: "b", time: Self.now + 2_000, status: .offline, message: "", latencyMilliseconds: 8),
            ResultRecord(checkID: 1, node: "a", time: Self.now + Self.hour, status: .online, message: "", latencyMilliseconds: .nan),
            ResultRecord(checkID: 2, node: "a", time: Self.now, status: .fail, message: "", latencyMilliseconds: -5),
        ]
        let rollup = ResultRollup(results, days: .utc)
        let first = try #require(rollup.hourly[.init(checkID: 1, bucket: Self.now)])
        #expect(first == ResultAggregate(results: 2, online: 1, latencySum: 10, latencyMin: 2, latencyMax: 8, firstAt: Self.now + 1_000, lastAt: Self.now + 2_000))
        #expect(rollup.hourly[.init(checkID: 1, bucket: Self.now + Self.hour)]?.latencySum == 0, "NaN latency counts as 0")
        #expect(rollup.hourly[.init(checkID: 2, bucket: Self.now)]?.latencyMin == 0, "negative latency counts as 0")
        #expect(rollup.daily[.init(checkID: 1, bucket: DayCalendar.utc.day(of: Self.now))]?.results == 3)
    }
    @Test("UTC's calendar, which loads no zone data, cuts days exactly as Foundation's UTC zone does, before 1970 too")
    func utcWithoutZoneData() throws {
        let zoned = try #require(DayCalendar(identifier: "Etc/Universal"), "a UTC zone Foundation knows by another name")
        #expect(zoned.clock.zone != nil && DayCalendar.utc.clock.zone == nil)
        for name in ["UTC", "Etc/UTC", "GMT", "Etc/GMT"] { #expect(DayCalendar(identifier: name)?.clock.zone == nil, "\(name)") }
        var instant: Int64 = -4_000_000_000_000
        for step in 0..<2_000 {
            #expect(DayCalendar.utc.day(of: instant) == zoned.day(of: instant), "\(instant)")
            let day = DayCalendar.utc.day(of: instant)
            #expect(DayCalendar.utc.start(ofDay: day) == zoned.start(ofDay: day), "day \(day)")
            instant += 3_999_999_937 + Int64(step % 7) * 3_600_000
        }
        #expect(DayCalendar.utc.day(of: -1) == -1 && DayCalendar.utc.day(of: 0) == 0 && DayCalendar.utc.day(of: 86_399_999) == 0)
    }
    @Test("wall times in UTC, Berlin, St John's and Kathmandu agree with Foundation's calendar, across DST changes and before 1970; any instant works")
    func wallTimes() throws {
        for name in ["UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu"] {
            let days = try #require(DayCalendar(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: name))
            var instant: Int64 = -2_000_000_000_000
            for step in 0..<3_000 {
                let wall = days.wallTime(of: instant)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(instant) / 1_000))
                #expect([Int(wall.year), wall.month, wall.day, wall.hour, wall.minute, wall.second]
                        == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map { $0 ?? -1 }, "\(name) \(instant)")
                instant += 1_333_333_333 + Int64(step % 11) * 60_999
            }
        }
        for instant in [Int64.min, .min + 1, -1, .max - 1, .max] {
            let wall = DayCalendar(identifier: "Pacific/Kiritimati")!.wallTime(of: instant)
            #expect((1...12).contains(wall.month) && (1...31).contains(wall.day) && (0...23).contains(wall.hour), "\(instant)")
        }
        #expect(DayCalendar.utc.wallTime(of: -1) == WallTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59))
    }
}
