import Foundation

/// Cuts time into local days of one IANA zone (`[status] timezone`, default UTC), as
/// day numbers: local midnight's days since 1970-01-01. Daily aggregates and uptime days use it.
package struct DayCalendar: Sendable {
    let clock: ZoneClock
    /// The zone's identifier.
    package let identifier: String

    /// A calendar in `identifier`; nil for a zone Foundation does not know.
    package init?(identifier: String) {
        if Self.utcNames.contains(identifier) {
            clock = .utc
        } else {
            guard !identifier.isEmpty, identifier.utf8.count <= 64, let zone = TimeZone(identifier: identifier) else { return nil }
            clock = ZoneClock(zone: zone)
        }
        self.identifier = identifier
    }

    /// Names of UTC itself, whose offset is always 0 (see ``ZoneClock/zone``).
    package static let utcNames: Set<String> = ["UTC", "Etc/UTC", "GMT", "Etc/GMT"]

    /// UTC.
    package static let utc = DayCalendar(identifier: "UTC")!

    /// The local day `instant` (unix ms) falls in.
    package func day(of instant: Int64) -> Int64 {
        RecurringWindow.floorDiv(clock.local(instant), ZoneClock.dayMs)
    }

    /// The first instant of local day `day` (its midnight, or the first time after it that
    /// exists when a DST change skips midnight).
    package func start(ofDay day: Int64) -> Int64 {
        let local = day * ZoneClock.dayMs
        let offsets = clock.offsets(aroundLocalDay: day)
        if let instant = clock.firstInstant(ofLocal: local, offsets: offsets) { return instant }
        // Midnight skipped (a few zones change at 00:00): the day begins where the change lands.
        return local - (offsets.max() ?? 0)
    }
}
