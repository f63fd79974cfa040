import Foundation

/// A maintenance window that recurs: it opens at each time its cron expression fires, in the
/// local wall-clock time of an IANA time zone, and stays open for a fixed duration.
///
/// Contracts:
/// - A local time that a DST change skips does not fire that day; one that a DST change
///   repeats fires once, at its first occurrence.
/// - Occurrences start on whole local minutes; each window is [start, start + duration).
///   Occurrences may overlap when the duration is longer than the gap between them.
/// - Instants are unix milliseconds. Instants from 1900-01-01 to 9999-12-31 UTC are
///   supported; outside them nothing is covered and no start is found. No input traps.
/// - Every search is bounded: forward by `searchHorizonDays` local days, backward by the
///   duration; each day costs a few integer operations unless the expression fires on it.
///
/// Pure: `now` and instants are passed in, no clock or I/O, like `CheckScheduler`.
package struct RecurringWindow: MaintenanceWindowSchedule, Sendable {
    /// The shortest duration accepted.
    package static let shortest = Duration.seconds(60)
    /// The longest duration accepted.
    package static let longest = Duration.seconds(31 * 86_400)
    /// An expression must fire within this many days of its creation.
    package static let mustFireWithinDays: Int64 = 366
    /// How far ahead `nextStart(after:)` looks: past the longest gap a valid expression can
    /// have (February 29 only: eight years around a skipped leap year such as 2100).
    package static let searchHorizonDays: Int64 = 3_000
    /// The earliest instant supported, 1900-01-01T00:00Z.
    package static let earliestInstant: Int64 = -2_208_988_800_000
    /// The latest instant supported, 9999-12-31T00:00Z.
    package static let latestInstant: Int64 = 253_402_214_400_000

    /// When it opens.
    package let cron: CronExpression
    /// How long each occurrence lasts, in ms.
    package let durationMs: Int64
    /// The IANA time zone identifier the expression is evaluated in, as given.
    package let timeZoneIdentifier: String
    let clock: ZoneClock

    /// A window opening at each firing of `cron` in `timeZoneIdentifier` for `duration`
    /// (1 minute to 31 days). Refuses an unknown zone, a duration out of bounds, and an
    /// expression with no occurrence in the 366 days from `now` (unix ms).
    package init(cron: CronExpression, duration: Duration, timeZoneIdentifier: String, now: Int64) throws(MaintenanceScheduleError) {
        try self.init(cron: cron, duration: duration, timeZoneIdentifier: timeZoneIdentifier, mustFireFrom: now)
    }

    /// A stored window, read back: checked for its zone and duration, but not refused for
    /// firing rarely (it was checked when written, and a year later it may be rare by design).
    package init(lenientExpression expression: String, duration: Duration, timeZoneIdentifier: String) throws(MaintenanceScheduleError) {
        try self.init(cron: CronExpression(expression), duration: duration, timeZoneIdentifier: timeZoneIdentifier, mustFireFrom: nil)
    }

    private init(cron: CronExpression, duration: Duration, timeZoneIdentifier: String, mustFireFrom now: Int64?) throws(MaintenanceScheduleError) {
        guard duration >= Self.shortest, duration <= Self.longest else {
            throw MaintenanceScheduleError("maintenance window duration \(duration) is out of bounds; use 1 minute to 31 days")
        }
        let shownZone = timeZoneIdentifier.count > 64 ? String(timeZoneIdentifier.prefix(64)) + "..." : timeZoneIdentifier
        guard timeZoneIdentifier.utf8.count <= 64, timeZoneIdentifier.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }),
              !timeZoneIdentifier.isEmpty, let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw MaintenanceScheduleError("unknown time zone '\(shownZone)'; use an IANA identifier such as 'Europe/Berlin', 'America/New_York' or 'UTC'")
        }
        self.cron = cron
        self.durationMs = duration.inMilliseconds
        self.timeZoneIdentifier = timeZoneIdentifier
        self.clock = ZoneClock(zone: zone)
        guard let now else { return }
        let from = min(max(now, Self.earliestInstant), Self.latestInstant)
        guard let first = nextStart(after: from), first - from <= Self.mustFireWithinDays * ZoneClock.dayMs else {
            let day = CivilDate(dayNumber: Self.floorDiv(clock.local(from), ZoneClock.dayMs))
            throw MaintenanceScheduleError("cron expression '\(cron)' has no occurrence in the \(Self.mustFireWithinDays) days from \(day.iso) in \(timeZoneIdentifier); check that its day-of-month exists in its months (February 30 never comes, February 29 only in leap years) and that a DST change does not skip all its times")
        }
    }

    /// Parses `expression` and builds the window; see the other initializer.
    package init(expression: String, duration: Duration, timeZoneIdentifier: String, now: Int64) throws(MaintenanceScheduleError) {
        try self.init(cron: CronExpression(expression), duration: duration, timeZoneIdentifier: timeZoneIdentifier, now: now)
    }

    /// How long each occurrence lasts.
    package var duration: Duration { .milliseconds(durationMs) }

    /// The earliest occurrence start at or after `instant`, or nil when none falls within
    /// `searchHorizonDays` or the supported range.
    package func nextStart(after instant: Int64) -> Int64? {
        guard instant <= Self.latestInstant else { return nil }
        let from = max(instant, Self.earliestInstant)
        // A day earlier than `from`'s local day, so a change of offset at midnight cannot hide one.
        let firstDay = Self.floorDiv(clock.local(from), ZoneClock.dayMs) - 1
        let lastDay = min(firstDay + Self.searchHorizonDays, Self.floorDiv(Self.latestInstant, ZoneClock.dayMs) + 1)
        var dayNumber = firstDay
        while dayNumber <= lastDay {
            defer { dayNumber += 1 }
            let day = CivilDate(dayNumber: dayNumber)
            guard cron.matches(day) else { continue }
            let offsets = clock.offsets(aroundLocalDay: dayNumber)
            for hour in cron.hourList {
                for minute in cron.minuteList {
                    let localMs = Self.localMs(dayNumber, hour, minute)
                    guard localMs + ZoneClock.widestOffsetMs >= from else { continue }
                    guard let start = clock.firstInstant(ofLocal: localMs, offsets: offsets) else { continue }
                    if start >= from { return start <= Self.latestInstant ? start : nil }
                }
            }
        }
        return nil
    }

    /// The latest occurrence start in [`earliest`, `instant`], or nil.
    func latestStart(atOrBefore instant: Int64, notBefore earliest: Int64) -> Int64? {
        let lastDay = Self.floorDiv(clock.local(instant), ZoneClock.dayMs) + 1
        let firstDay = Self.floorDiv(clock.local(earliest), ZoneClock.dayMs) - 1
        var dayNumber = lastDay
        while dayNumber >= firstDay {
            defer { dayNumber -= 1 }
            let day = CivilDate(dayNumber: dayNumber)
            guard cron.matches(day) else { continue }
            let offsets = clock.offsets(aroundLocalDay: dayNumber)
            for hour in cron.hourList.reversed() {
                for minute in cron.minuteList.reversed() {
                    let localMs = Self.localMs(dayNumber, hour, minute)
                    guard localMs - ZoneClock.widestOffsetMs <= instant else { continue }
                    guard let start = clock.firstInstant(ofLocal: localMs, offsets: offsets) else { continue }
                    // Starts map to instants in the same order as their local times, so the
                    // first one at or before `instant` is the latest.
                    if start <= instant { return start >= earliest ? start : nil }
                }
            }
        }
        return nil
    }

    /// The occurrence covering `instant` (start <= instant < start + duration); when
    /// occurrences overlap, the one that started last (so it also ends last). Ask again at its
    /// end to learn whether another occurrence keeps maintenance going.
    package func window(covering instant: Int64) -> OneOffWindow? {
        guard instant >= Self.earliestInstant, instant <= Self.latestInstant else { return nil }
        guard let start = latestStart(atOrBefore: instant, notBefore: instant - durationMs + 1) else { return nil }
        return OneOffWindow(uncheckedStart: start, end: start + durationMs)
    }

    /// Whether some occurrence covers `instant`.
    package func covers(_ instant: Int64) -> Bool { window(covering: instant) != nil }

    static func localMs(_ dayNumber: Int64, _ hour: Int, _ minute: Int) -> Int64 {
        dayNumber * ZoneClock.dayMs + Int64(hour) * 3_600_000 + Int64(minute) * 60_000
    }

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
