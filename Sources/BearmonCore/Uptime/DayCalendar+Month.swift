extension DayCalendar {
    /// The local day number of the first day of the calendar month `day` falls in. Day numbers
    /// are local days since 1970-01-01, so this is proleptic Gregorian arithmetic on them
    /// (Howard Hinnant's `civil_from_days`), with no time zone involved.
    package func firstDayOfMonth(containing day: Int64) -> Int64 {
        day - (Self.civilDate(ofDay: day).day - 1)
    }

    /// The Gregorian year, month (1-12) and day of month (1-31) of day number `day`.
    package static func civilDate(ofDay day: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth)
    }
}
