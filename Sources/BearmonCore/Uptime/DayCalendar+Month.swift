extension DayCalendar {
    /// The local day number of the first day of the calendar month `day` falls in. Day numbers
    /// are local days since 1970-01-01, so this is Gregorian arithmetic on them, with no time
    /// zone involved.
    package func firstDayOfMonth(containing day: Int64) -> Int64 {
        day - Int64(CivilDate(dayNumber: day).day - 1)
    }
}
