import Foundation
import Testing
@testable import BearmonCore

/// The recurring-window engine for maintenance windows: cron parsing, next occurrences in a
/// zone's wall-clock time across DST changes, and which window covers an instant.
@Suite("maintenance schedules")
struct MaintenanceScheduleTests {
    /// 2026-11-29T23:30:00Z, a Sunday: the "now" windows are created at.
    static let now = utc("2026-11-29T23:30:00Z")

    static func utc(_ text: String) -> Int64 {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad test instant \(text)") }
        return Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    /// `instant` in `zone`'s wall-clock time, worked out by Foundation's Calendar: an
    /// independent check of the engine's own civil arithmetic.
    static func local(_ instant: Int64?, _ zone: String) -> String {
        guard let instant else { return "none" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let date = Date(timeIntervalSince1970: Double(instant) / 1_000)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = calendar.timeZone.secondsFromGMT(for: date) / 60
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? -1) }
        let sign = offset < 0 ? "-" : "+"
        let seconds = parts.second == 0 ? "" : ":\(two(parts.second))"
        return "\(parts.year!)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))\(seconds) \(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }

    static func window(_ expression: String, _ zone: String = "UTC", hours: Int64 = 1, now: Int64 = now) throws(MaintenanceScheduleError) -> RecurringWindow {
        try RecurringWindow(expression: expression, duration: .seconds(hours * 3_600), timeZoneIdentifier: zone, now: now)
    }

    /// The first `count` starts at or after `from`, each searched from just after the last.
    static func starts(_ window: RecurringWindow, from: Int64, count: Int) -> [String] {
        var found: [String] = []
        var cursor = from
        for _ in 0..<count {
            guard let start = window.nextStart(after: cursor) else { found.append("none"); break }
            found.append(local(start, window.timeZoneIdentifier))
            cursor = start + 1
        }
        return found
    }

    static func bits(_ values: [Int]) -> UInt64 { values.reduce(0) { $0 | 1 << UInt64($1) } }

    // MARK: parsing

    @Test("well-formed expressions select the values they say", arguments: [
        ("*/15 * * * *", CronField.minute, [0, 15, 30, 45]),
        ("10-50/10 * * * *", .minute, [10, 20, 30, 40, 50]),
        ("1,3,5 * * * *", .minute, [1, 3, 5]),
        ("5/20 * * * *", .minute, [5, 25, 45]),
        ("0 9-17/4,23 * * *", .hour, [9, 13, 17, 23]),
        ("0 0 1,15,31 * *", .dayOfMonth, [1, 15, 31]),
        ("0 0 * jan,Jul,DEC *", .month, [1, 7, 12]),
        ("0 0 * mar-may *", .month, [3, 4, 5]),
        ("0 0 * * Mon-FRI", .dayOfWeek, [1, 2, 3, 4, 5]),
        ("0 0 * * 7", .dayOfWeek, [0]),
        ("0 0 * * 5-7", .dayOfWeek, [0, 5, 6]),
        ("0 0 * * sun,0,7", .dayOfWeek, [0]),
        ("0 0 * * */2", .dayOfWeek, [0, 2, 4, 6]),
    ] as [(String, CronField, [Int])])
    func parses(expression: String, field: CronField, values: [Int]) throws {
        let cron = try CronExpression(expression)
        let parsed = switch field {
        case .minute: cron.minutes
        case .hour: cron.hours
        case .dayOfMonth: cron.daysOfMonth
        case .month: cron.months
        case .dayOfWeek: cron.daysOfWeek
        }
        #expect(parsed == Self.bits(values), "\(expression)")
    }

    @Test("whitespace between fields is normalised; the text is kept")
    func normalisesWhitespace() throws {
        let cron = try CronExpression("  0\t3  * *   SUN ")
        #expect(cron.text == "0 3 * * SUN")
        #expect(cron.minutes == 1 && cron.hours == 1 << 3 && cron.daysOfWeek == 1)
    }

    @Test("malformed expressions are refused with one message naming the field and the fix", arguments: [
        ("", "cron expression is empty; write five fields: minute hour day-of-month month day-of-week"),
        ("   ", "cron expression is empty"),
        ("* * * *", "cron expression '* * * *' has 4 fields, not 5; write minute hour day-of-month month day-of-week"),
        ("* * * * * *", "has 6 fields, not 5"),
        ("60 * * * *", "cron minute field '60' has 60, which is out of range; use 0-59"),
        ("* 24 * * *", "cron hour field '24' has 24, which is out of range; use 0-23"),
        ("* * 0 * *", "cron day-of-month field '0' has 0, which is out of range; use 1-31"),
        ("* * * 13 *", "cron month field '13' has 13, which is out of range; use 1-12 or JAN-DEC"),
        ("* * * * 8", "cron day-of-week field '8' has 8, which is out of range; use 0-7 (0 and 7 are Sunday) or SUN-SAT"),
        ("*/0 * * * *", "cron minute field '*/0' has step 0; a step must be at least 1"),
        ("* */99 * * *", "cron hour field '*/99' has step 99, larger than the field's largest value 23"),
        ("* * 20-10 * *", "cron day-of-month field '20-10' has range 20-10, which runs backwards; write the smaller value first"),
        ("* * * * SAT-SUN", "cron day-of-week field 'SAT-SUN' has range SAT-SUN, which runs backwards; write Sunday as 7 at the end of a range, as in '6-7'"),
        ("abc * * * *", "cron minute field 'abc' has 'abc', which is not a number; use 0-59"),
        ("* * * FOO *", "cron month field 'FOO' has 'FOO', which is not a number or a name; use 1-12 or JAN-DEC"),
        ("0 0 * * MONDAY", "cron day-of-week field 'MONDAY' has 'MONDAY', which is not a number or a name"),
        ("0 0 JAN * *", "cron day-of-month field 'JAN' has 'JAN', which is not a number"),
        ("99999999999999999999 * * * *", "cron minute field '99999999999999999999' has 999999999..., which is out of range; use 0-59"),
        ("*/99999999999999999999 * * * *", "has step 999999999..., larger than the field's largest value 59"),
        ("-5 * * * *", "cron minute field '-5' has '-5', which is missing a value"),
        ("1- * * * *", "which is missing a value"),
        ("1,,2 * * * *", "cron minute field '1,,2' has an empty list item"),
        ("1, * * * *", "has an empty list item"),
        ("1-2-3 * * * *", "has '1-2-3', which is not a value or a range"),
        ("*/5/2 * * * *", "has more than one '/' in '*/5/2'"),
        ("*/x * * * *", "has step 'x', which is not a whole number"),
        ("** * * * *", "has '**', which is not a number"),
        ("0 0 * * MÖN", "cron expression contains a character that is not printable ASCII"),
        ("0 0\n* * *", "not printable ASCII"),
        ("0 0 * * \u{0}", "not printable ASCII"),
    ])
    func refuses(expression: String, message: String) {
        #expect(throws: MaintenanceScheduleError.self, "\(expression)") { try CronExpression(expression) }
        do {
            _ = try CronExpression(expression)
        } catch {
            #expect(error.reason.contains(message), "\(expression): \(error.reason)")
        }
    }

    @Test("very long input is refused before it is parsed, and long fields are shortened in messages")
    func refusesLongInput() {
        let long = String(repeating: "1,", count: 200) + "1 * * * *"
        #expect(throws: MaintenanceScheduleError("cron expression is \(long.utf8.count) bytes long; the limit is 256: write five fields, minute hour day-of-month month day-of-week, as in '0 3 * * SUN'")) {
            try CronExpression(long)
        }
        let huge = String(repeating: "9", count: 200) + " * * * *"
        do {
            _ = try CronExpression(huge)
            Issue.record("accepted a 200-digit minute")
        } catch {
            #expect(error.reason.count < 200, "\(error.reason)")
            #expect(error.reason.hasPrefix("cron minute field '9999"))
        }
        #expect(throws: MaintenanceScheduleError.self) { try CronExpression(String(repeating: "\u{1F600}", count: 100_000)) }
    }

    // MARK: next occurrences

    @Test("next starts in UTC: inclusive at a firing minute, rounded up between minutes")
    func nextStartsUTC() throws {
        let quarter = try Self.window("*/15 * * * *")
        #expect(Self.local(quarter.nextStart(after: Self.utc("2026-12-01T10:07:30Z")), "UTC") == "2026-12-01 10:15 +00:00")
        #expect(quarter.nextStart(after: Self.utc("2026-12-01T10:15:00Z")) == Self.utc("2026-12-01T10:15:00Z"))
        #expect(quarter.nextStart(after: Self.utc("2026-12-01T10:15:00Z") + 1) == Self.utc("2026-12-01T10:30:00Z"))
        #expect(quarter.nextStart(after: Self.utc("2026-12-31T23:50:00Z")) == Self.utc("2027-01-01T00:00:00Z"))

        let weekdays = try Self.window("0 9 * * MON-FRI")
        #expect(Self.starts(weekdays, from: Self.utc("2026-12-03T10:00:00Z"), count: 3) == [
            "2026-12-04 09:00 +00:00", "2026-12-07 09:00 +00:00", "2026-12-08 09:00 +00:00",
        ])
        let yearly = try Self.window("30 4 1 JAN *")
        #expect(Self.starts(yearly, from: Self.now, count: 2) == ["2027-01-01 04:30 +00:00", "2028-01-01 04:30 +00:00"])
    }

    @Test("next starts follow the zone's wall clock, not UTC")
    func nextStartsLocal() throws {
        let tokyo = try Self.window("0 3 * * *", "Asia/Tokyo")
        #expect(tokyo.nextStart(after: Self.utc("2026-12-01T00:00:00Z")) == Self.utc("2026-12-01T18:00:00Z"))
        let kathmandu = try Self.window("0 0 * * *", "Asia/Kathmandu")
        #expect(Self.local(kathmandu.nextStart(after: Self.now), "Asia/Kathmandu") == "2026-12-01 00:00 +05:45")
    }

    @Test("spring forward: a skipped local time does not fire that day (Europe/Berlin, 2026-03-29)")
    func springForwardBerlin() throws {
        let from = Self.utc("2026-03-27T12:00:00Z")
        #expect(Self.starts(try Self.window("30 2 * * *", "Europe/Berlin", now: from), from: from, count: 3) == [
            "2026-03-28 02:30 +01:00", "2026-03-30 02:30 +02:00", "2026-03-31 02:30 +02:00",
        ])
        #expect(Self.starts(try Self.window("0 2 * * *", "Europe/Berlin", now: from), from: from, count: 2) == [
            "2026-03-28 02:00 +01:00", "2026-03-30 02:00 +02:00",
        ])
        let halfHourly = try Self.window("*/30 * * * *", "Europe/Berlin", now: from)
        #expect(Self.starts(halfHourly, from: Self.utc("2026-03-29T00:15:00Z"), count: 4) == [
            "2026-03-29 01:30 +01:00", "2026-03-29 03:00 +02:00", "2026-03-29 03:30 +02:00", "2026-03-29 04:00 +02:00",
        ])
        let three = try Self.window("0 3 29 3 *", "Europe/Berlin", now: from)
        #expect(three.nextStart(after: from) == Self.utc("2026-03-29T01:00:00Z"))
    }

    @Test("spring forward: a skipped local time does not fire that day (America/New_York, 2026-03-08)")
    func springForwardNewYork() throws {
        let from = Self.utc("2026-03-06T12:00:00Z")
        #expect(Self.starts(try Self.window("30 2 * * *", "America/New_York", now: from), from: from, count: 3) == [
            "2026-03-07 02:30 -05:00", "2026-03-09 02:30 -04:00", "2026-03-10 02:30 -04:00",
        ])
        // Every minute of 02:00-02:59 on 8 March is skipped in 2026, and 2027-03-08 (before that
        // year's change) is 367 days away: refused, and accepted a day later.
        do {
            _ = try Self.window("* 2 8 3 *", "America/New_York", now: from)
            Issue.record("accepted an expression whose only times in 366 days are skipped")
        } catch {
            #expect(error.reason.contains("no occurrence in the 366 days from 2026-03-06 in America/New_York"))
        }
        let dayLater = Self.utc("2026-03-07T12:00:00Z")
        let minutely = try Self.window("* 2 8 3 *", "America/New_York", now: dayLater)
        #expect(Self.local(minutely.nextStart(after: dayLater), "America/New_York") == "2027-03-08 02:00 -05:00")
    }

    @Test("fall back: a repeated local time fires once, at its first occurrence (Europe/Berlin, 2026-10-25)")
    func fallBackBerlin() throws {
        let from = Self.utc("2026-10-24T12:00:00Z")
        let window = try Self.window("30 2 * * *", "Europe/Berlin", now: from)
        #expect(Self.starts(window, from: from, count: 2) == ["2026-10-25 02:30 +02:00", "2026-10-26 02:30 +01:00"])
        #expect(window.nextStart(after: Self.utc("2026-10-25T00:30:00Z") + 1) == Self.utc("2026-10-26T01:30:00Z"))
        // From inside the second 02:30 hour: that day's firing is already past.
        #expect(window.nextStart(after: Self.utc("2026-10-25T01:15:00Z")) == Self.utc("2026-10-26T01:30:00Z"))
    }

    @Test("fall back: a repeated local time fires once, at its first occurrence (America/New_York, 2026-11-01)")
    func fallBackNewYork() throws {
        let from = Self.utc("2026-10-31T12:00:00Z")
        let halfHourly = try Self.window("*/30 * * * *", "America/New_York", now: from)
        #expect(Self.starts(halfHourly, from: Self.utc("2026-11-01T04:45:00Z"), count: 4) == [
            "2026-11-01 01:00 -04:00", "2026-11-01 01:30 -04:00", "2026-11-01 02:00 -05:00", "2026-11-01 02:30 -05:00",
        ])
        let oneThirty = try Self.window("30 1 * * *", "America/New_York", now: from)
        #expect(Self.starts(oneThirty, from: from, count: 2) == ["2026-11-01 01:30 -04:00", "2026-11-02 01:30 -05:00"])
    }

    /// Every firing in [`from`, `from` + `days`), found the slow way: each UTC minute turned into
    /// local time by Foundation's Calendar, firing when the cron matches and that local minute
    /// has not been seen before (so a repeated hour fires once).
    static func bruteForceStarts(_ cron: CronExpression, zone: String, from: Int64, days: Int64) -> [Int64] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        var seen = Set<String>()
        var found: [Int64] = []
        for minute in 0..<(days * 1_440) {
            let instant = from + minute * 60_000
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: Date(timeIntervalSince1970: Double(instant) / 1_000))
            guard seen.insert("\(parts.year!)-\(parts.month!)-\(parts.day!) \(parts.hour!):\(parts.minute!)").inserted else { continue }
            let day = CivilDate(dayNumber: CivilDate.dayNumber(year: Int64(parts.year!), month: parts.month!, day: parts.day!))
            #expect(day.weekday == parts.weekday! - 1)
            if cron.matches(day), cron.hours & 1 << UInt64(parts.hour!) != 0, cron.minutes & 1 << UInt64(parts.minute!) != 0 {
                found.append(instant)
            }
        }
        return found
    }

    @Test("next starts agree with a minute-by-minute walk through Foundation's Calendar around each 2026 DST change", arguments: [
        ("Europe/Berlin", "2026-03-28T00:00:00Z"), ("Europe/Berlin", "2026-10-24T00:00:00Z"),
        ("America/New_York", "2026-03-07T00:00:00Z"), ("America/New_York", "2026-10-31T00:00:00Z"),
    ])
    func agreesWithCalendar(zone: String, fromText: String) throws {
        let from = Self.utc(fromText)
        for expression in ["*/30 * * * *", "15 0-4 * * *", "0,59 1,2 * * SUN", "7 * * * *"] {
            let window = try Self.window(expression, zone, now: from)
            let expected = Self.bruteForceStarts(window.cron, zone: zone, from: from, days: 3)
            var actual: [Int64] = []
            var cursor = from
            while let start = window.nextStart(after: cursor), start < from + 3 * 86_400_000, actual.count < 500 {
                actual.append(start)
                cursor = start + 1
            }
            #expect(!expected.isEmpty)
            #expect(actual == expected, "\(expression) in \(zone)")
        }
    }

    @Test("day-of-month and day-of-week both restricted: either matches; one starting with * : both must")
    func dayRule() throws {
        let either = try Self.window("0 0 1,15 * MON")
        #expect(Self.starts(either, from: Self.now, count: 5) == [
            "2026-11-30 00:00 +00:00", "2026-12-01 00:00 +00:00", "2026-12-07 00:00 +00:00",
            "2026-12-14 00:00 +00:00", "2026-12-15 00:00 +00:00",
        ])
        let fridayThe13th = try Self.window("0 0 13 * 5")
        #expect(Self.starts(fridayThe13th, from: Self.utc("2027-08-10T00:00:00Z"), count: 3) == [
            "2027-08-13 00:00 +00:00", "2027-08-20 00:00 +00:00", "2027-08-27 00:00 +00:00",
        ])
        let both = try Self.window("0 0 */2 * MON")
        #expect(Self.starts(both, from: Self.now, count: 2) == ["2026-12-07 00:00 +00:00", "2026-12-21 00:00 +00:00"])
        let mondays = try Self.window("0 0 * * MON")
        #expect(Self.starts(mondays, from: Self.now, count: 2) == ["2026-11-30 00:00 +00:00", "2026-12-07 00:00 +00:00"])
        let lastOfMonth = try Self.window("0 0 31 * *")
        #expect(Self.starts(lastOfMonth, from: Self.now, count: 2) == ["2026-12-31 00:00 +00:00", "2027-01-31 00:00 +00:00"])
    }

    @Test("an expression with no occurrence in the next 366 days is refused")
    func neverFires() throws {
        #expect(throws: MaintenanceScheduleError("cron expression '0 0 30 2 *' has no occurrence in the 366 days from 2026-11-30 in Europe/Berlin; check that its day-of-month exists in its months (February 30 never comes, February 29 only in leap years) and that a DST change does not skip all its times")) {
            try Self.window("0 0 30 2 *", "Europe/Berlin")
        }
        #expect(throws: MaintenanceScheduleError.self) { try Self.window("0 0 31 4,6,9,11 *") }
        #expect(throws: MaintenanceScheduleError.self) { try Self.window("0 0 29 2 *") }
        // February 29 2028 is 365 days after 2027-03-01, so from there it is accepted...
        let leap = try Self.window("0 0 29 2 *", now: Self.utc("2027-03-01T00:00:00Z"))
        #expect(Self.local(leap.nextStart(after: Self.utc("2027-03-01T00:00:00Z")), "UTC") == "2028-02-29 00:00 +00:00")
        // ...and later searches still find it across 2100, which is not a leap year.
        #expect(Self.local(leap.nextStart(after: Self.utc("2096-03-01T00:00:00Z")), "UTC") == "2104-02-29 00:00 +00:00")
        // Restricted day-of-week widens an impossible day-of-month.
        #expect(throws: Never.self) { try Self.window("0 0 30 2 MON") }
    }

    // MARK: windows

    @Test("a window across midnight covers both sides and ends exactly at its end")
    func acrossMidnight() throws {
        let window = try Self.window("0 23 * * *", "Europe/Berlin", hours: 2)
        let start = Self.utc("2026-12-01T22:00:00Z")
        #expect(window.window(covering: start) == OneOffWindow(uncheckedStart: start, end: start + 7_200_000))
        #expect(window.covers(Self.utc("2026-12-01T23:30:00Z")))
        #expect(window.window(covering: Self.utc("2026-12-01T23:30:00Z"))?.start == start)
        #expect(window.covers(start + 7_200_000 - 1))
        #expect(!window.covers(start + 7_200_000))
        #expect(!window.covers(start - 1))
        #expect(window.window(covering: Self.utc("2026-12-01T12:00:00Z")) == nil)
    }

    @Test("a window across a DST change lasts its duration in real time")
    func acrossDST() throws {
        let spring = try Self.window("0 1 * * *", "Europe/Berlin", hours: 3, now: Self.utc("2026-03-27T00:00:00Z"))
        let springWindow = spring.window(covering: Self.utc("2026-03-29T02:00:00Z"))
        #expect(Self.local(springWindow?.start, "Europe/Berlin") == "2026-03-29 01:00 +01:00")
        #expect(Self.local(springWindow?.end, "Europe/Berlin") == "2026-03-29 05:00 +02:00")
        #expect(!spring.covers(Self.utc("2026-03-29T03:00:00Z")))

        let autumn = try Self.window("0 0 * * *", "America/New_York", hours: 4, now: Self.utc("2026-10-30T00:00:00Z"))
        let autumnWindow = autumn.window(covering: Self.utc("2026-11-01T06:30:00Z"))
        #expect(Self.local(autumnWindow?.start, "America/New_York") == "2026-11-01 00:00 -04:00")
        #expect(Self.local(autumnWindow?.end, "America/New_York") == "2026-11-01 03:00 -05:00")
    }

    @Test("a repeated local time opens one window, a skipped one none")
    func coversAroundDST() throws {
        let repeated = try RecurringWindow(expression: "30 1 * * *", duration: .seconds(1_800), timeZoneIdentifier: "America/New_York", now: Self.utc("2026-10-30T00:00:00Z"))
        #expect(repeated.covers(Self.utc("2026-11-01T05:45:00Z")))   // 01:45 EDT, the first 01:30 window
        #expect(!repeated.covers(Self.utc("2026-11-01T06:45:00Z")))  // 01:45 EST, the repeated hour
        #expect(repeated.window(covering: Self.utc("2026-11-02T06:31:00Z"))?.start == Self.utc("2026-11-02T06:30:00Z"))
        let skipped = try RecurringWindow(expression: "30 2 * * *", duration: .seconds(3_600), timeZoneIdentifier: "Europe/Berlin", now: Self.utc("2026-03-27T00:00:00Z"))
        for minutes in stride(from: Int64(-120), through: 240, by: 15) {
            #expect(!skipped.covers(Self.utc("2026-03-29T00:00:00Z") + minutes * 60_000), "\(minutes) min")
        }
        #expect(skipped.covers(Self.utc("2026-03-28T01:45:00Z")) && skipped.covers(Self.utc("2026-03-30T00:45:00Z")))
    }

    @Test("long durations: a monthly 31-day window and overlapping occurrences")
    func longDurations() throws {
        let monthly = try RecurringWindow(expression: "0 0 1 * *", duration: .seconds(31 * 86_400), timeZoneIdentifier: "UTC", now: Self.now)
        #expect(monthly.window(covering: Self.utc("2026-12-20T00:00:00Z")) == OneOffWindow(uncheckedStart: Self.utc("2026-12-01T00:00:00Z"), end: Self.utc("2027-01-01T00:00:00Z")))
        // 2 March is covered by February's window (to 4 March) and March's: the later start wins.
        #expect(monthly.window(covering: Self.utc("2027-03-02T00:00:00Z"))?.start == Self.utc("2027-03-01T00:00:00Z"))
        let everyMinute = try RecurringWindow(expression: "* * * * *", duration: .seconds(31 * 86_400), timeZoneIdentifier: "Europe/Berlin", now: Self.now)
        #expect(everyMinute.window(covering: Self.utc("2026-12-01T10:00:30Z"))?.start == Self.utc("2026-12-01T10:00:00Z"))
        let yearly = try RecurringWindow(expression: "0 0 1 1 *", duration: .seconds(31 * 86_400), timeZoneIdentifier: "UTC", now: Self.now)
        #expect(yearly.covers(Self.utc("2027-01-31T23:59:59Z")))
        #expect(!yearly.covers(Self.utc("2027-02-01T00:00:00Z")))
        #expect(!yearly.covers(Self.utc("2027-06-01T00:00:00Z")))
    }

    @Test("bad durations and time zones are refused, naming them")
    func refusesBadWindows() throws {
        let durations: [Duration] = [.zero, .seconds(59), .seconds(-60), .seconds(31 * 86_400 + 1), .seconds(Int64.max)]
        for duration in durations {
            #expect(throws: MaintenanceScheduleError.self, "\(duration)") {
                try RecurringWindow(expression: "0 3 * * *", duration: duration, timeZoneIdentifier: "UTC", now: Self.now)
            }
        }
        #expect(throws: Never.self) { try RecurringWindow(expression: "0 3 * * *", duration: .seconds(60), timeZoneIdentifier: "UTC", now: Self.now) }
        #expect(throws: MaintenanceScheduleError("unknown time zone 'Mars/Olympus_Mons'; use an IANA identifier such as 'Europe/Berlin', 'America/New_York' or 'UTC'")) {
            try Self.window("0 3 * * *", "Mars/Olympus_Mons")
        }
        for zone in ["", " ", "Europe/Berlin\n", "Europe/Bérlin", String(repeating: "A", count: 10_000), "../../etc/passwd"] {
            do {
                _ = try Self.window("0 3 * * *", zone)
                Issue.record("accepted time zone \(zone.prefix(20))")
            } catch {
                #expect(error.reason.hasPrefix("unknown time zone '"))
                #expect(error.reason.count < 200)
            }
        }
    }

    @Test("extreme instants neither trap nor find anything outside the supported range")
    func extremeInstants() throws {
        let window = try Self.window("*/5 * * * *", "America/New_York")
        for instant in [Int64.min, Int64.min + 1, -1, 0, Int64.max - 1, Int64.max, RecurringWindow.latestInstant + 1] {
            _ = window.covers(instant)
            _ = window.window(covering: instant)
            _ = window.nextStart(after: instant)
        }
        #expect(window.nextStart(after: .max) == nil)
        #expect(!window.covers(.max) && !window.covers(.min))
        #expect(window.nextStart(after: .min).map { $0 >= RecurringWindow.earliestInstant } == true)
        let rare = try Self.window("0 0 29 2 *", now: Self.utc("2027-03-01T00:00:00Z"))
        #expect(rare.nextStart(after: RecurringWindow.latestInstant - 86_400_000) == nil)
    }

    // MARK: one-off windows and the protocol

    @Test("one-off windows: end after start, [start, end)")
    func oneOff() throws {
        #expect(throws: MaintenanceScheduleError.self) { try OneOffWindow(start: 10, end: 10) }
        #expect(throws: MaintenanceScheduleError.self) { try OneOffWindow(start: 10, end: 5) }
        #expect(throws: MaintenanceScheduleError.self) { try OneOffWindow(start: .max, end: .min) }
        let window = try OneOffWindow(start: 1_000, end: 2_000)
        #expect(window.covers(1_000) && window.covers(1_999) && !window.covers(2_000) && !window.covers(999))
        #expect(window.window(covering: 1_500) == window && window.window(covering: 2_000) == nil)
        #expect(window.nextStart(after: 1_000) == 1_000 && window.nextStart(after: 1_001) == nil)
    }

    @Test("both kinds answer through MaintenanceWindowSchedule")
    func protocolBoth() throws {
        let schedules: [any MaintenanceWindowSchedule] = [
            try OneOffWindow(start: Self.utc("2026-12-01T03:00:00Z"), end: Self.utc("2026-12-01T04:00:00Z")),
            try Self.window("0 3 * * *"),
        ]
        for schedule in schedules {
            #expect(schedule.covers(Self.utc("2026-12-01T03:30:00Z")))
            #expect(schedule.window(covering: Self.utc("2026-12-01T03:30:00Z"))?.end == Self.utc("2026-12-01T04:00:00Z"))
            #expect(schedule.nextStart(after: Self.utc("2026-12-01T00:00:00Z")) == Self.utc("2026-12-01T03:00:00Z"))
        }
    }
}
