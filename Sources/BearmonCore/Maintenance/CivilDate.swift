/// A proleptic Gregorian date counted in days from 1970-01-01, with its year, month, day and
/// weekday: the arithmetic cron needs, done exactly in integers (Howard Hinnant's algorithms),
/// so that day stepping never depends on a calendar library's DST policy.
struct CivilDate: Sendable, Equatable {
    /// Days since 1970-01-01.
    let dayNumber: Int64
    /// The year.
    let year: Int64
    /// 1-12.
    let month: Int
    /// 1-31.
    let day: Int
    /// 0 = Sunday ... 6 = Saturday.
    let weekday: Int

    /// The date `dayNumber` days after 1970-01-01.
    init(dayNumber: Int64) {
        self.dayNumber = dayNumber
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * marchMonth + 2) / 5 + 1)
        month = Int(marchMonth < 10 ? marchMonth + 3 : marchMonth - 9)
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        weekday = Int(((dayNumber % 7) + 11) % 7)
    }

    /// Days since 1970-01-01 of `year`-`month`-`day`.
    static func dayNumber(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// "2026-03-29".
    var iso: String {
        func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(padded(month))-\(padded(day))"
    }
}
