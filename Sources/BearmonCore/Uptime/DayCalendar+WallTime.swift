/// A moment on a zone's wall clock, to the second.
package struct WallTime: Sendable, Equatable {
    /// The proleptic Gregorian year.
    package let year: Int64
    /// 1-12.
    package let month: Int
    /// 1-31.
    package let day: Int
    /// 0-23.
    package let hour: Int
    /// 0-59.
    package let minute: Int
    /// 0-59.
    package let second: Int
}

extension DayCalendar {
    /// `instant` (unix ms) on this zone's wall clock, in exact integer arithmetic: any 64-bit
    /// instant works (a stored time can be any), and pages cut days exactly as uptime does.
    package func wallTime(of instant: Int64) -> WallTime {
        let local = clock.local(instant)
        let date = CivilDate(dayNumber: RecurringWindow.floorDiv(local, ZoneClock.dayMs))
        let remainder = local % ZoneClock.dayMs
        let seconds = Int((remainder < 0 ? remainder + ZoneClock.dayMs : remainder) / 1_000)
        return WallTime(year: date.year, month: date.month, day: date.day, hour: seconds / 3_600, minute: seconds % 3_600 / 60, second: seconds % 60)
    }
}
