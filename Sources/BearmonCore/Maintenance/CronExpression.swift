/// A standard five-field cron expression: `minute hour day-of-month month day-of-week`.
///
/// Each field takes `*`, a value, a range `FROM-TO`, each optionally with a step `/STEP`, and
/// comma-separated lists of those; `N/STEP` means `N-max/STEP`. Months take JAN-DEC and
/// weekdays SUN-SAT (any case); day-of-week 0 and 7 are both Sunday.
///
/// Day rule, as crontab(5) has it: when day-of-month and day-of-week are both restricted
/// (neither field starts with `*`), a day matches if either matches; otherwise both must.
/// So `0 0 1,15 * MON` fires on the 1st, the 15th and every Monday, while `0 0 */2 * MON`
/// fires only on odd-numbered days that are Mondays.
///
/// The expression says nothing about time zones; `RecurringWindow` evaluates it in the local
/// wall-clock time of one.
package struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    /// The longest text accepted.
    package static let maximumLength = 256

    /// The text it was parsed from, trimmed.
    package let text: String
    /// Bit n set when minute n matches.
    let minutes: UInt64
    /// Bit n set when hour n matches.
    let hours: UInt64
    /// Bit n set when day-of-month n matches.
    let daysOfMonth: UInt64
    /// Bit n set when month n (1-12) matches.
    let months: UInt64
    /// Bit n set when weekday n (0 = Sunday) matches.
    let daysOfWeek: UInt64
    /// Whether the day-of-month field starts with `*` (then it does not widen the day-of-week).
    let dayOfMonthStar: Bool
    /// Whether the day-of-week field starts with `*`.
    let dayOfWeekStar: Bool

    /// Parses `text`, refusing malformed input with a message that names the field and the fix.
    package init(_ text: String) throws(MaintenanceScheduleError) {
        let fieldList = "minute hour day-of-month month day-of-week, as in '0 3 * * SUN'"
        guard text.utf8.count <= Self.maximumLength else {
            throw MaintenanceScheduleError("cron expression is \(text.utf8.count) bytes long; the limit is \(Self.maximumLength): write five fields, \(fieldList)")
        }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.value >= 0x20 && $0.value < 0x7F || $0 == "\t") }) else {
            throw MaintenanceScheduleError("cron expression contains a character that is not printable ASCII; use digits, names such as MON or JAN, '*', ',', '-', '/' and spaces")
        }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !fields.isEmpty else { throw MaintenanceScheduleError("cron expression is empty; write five fields: \(fieldList)") }
        guard fields.count == 5 else {
            throw MaintenanceScheduleError("cron expression '\(text.prefix(80))' has \(fields.count) field\(fields.count == 1 ? "" : "s"), not 5; write \(fieldList)")
        }
        self.text = fields.joined(separator: " ")
        minutes = try CronField.minute.parse(fields[0])
        hours = try CronField.hour.parse(fields[1])
        daysOfMonth = try CronField.dayOfMonth.parse(fields[2])
        months = try CronField.month.parse(fields[3])
        daysOfWeek = try CronField.dayOfWeek.parse(fields[4])
        dayOfMonthStar = fields[2].hasPrefix("*")
        dayOfWeekStar = fields[4].hasPrefix("*")
    }

    /// The text, fields separated by single spaces.
    package var description: String { text }

    /// Whether the expression fires on the civil date `day`.
    func matches(_ day: CivilDate) -> Bool {
        guard months & (1 << UInt64(day.month)) != 0 else { return false }
        let dayOfMonth = daysOfMonth & (1 << UInt64(day.day)) != 0
        let dayOfWeek = daysOfWeek & (1 << UInt64(day.weekday)) != 0
        return dayOfMonthStar || dayOfWeekStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek
    }

    /// The hours that match, ascending.
    var hourList: [Int] { Self.values(hours, below: 24) }
    /// The minutes that match, ascending.
    var minuteList: [Int] { Self.values(minutes, below: 60) }

    private static func values(_ bits: UInt64, below limit: Int) -> [Int] {
        (0..<limit).filter { bits & (1 << UInt64($0)) != 0 }
    }
}
