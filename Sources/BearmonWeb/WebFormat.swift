import BearmonCore
import Foundation

/// How the pages write times, durations, ratios and latencies: times in `[status] timezone`,
/// the feed's in RFC 3339 UTC.
struct WebFormat: Sendable {
    let days: DayCalendar
    let zoneName: String

    /// Times shown in the zone `identifier` (UTC when Foundation does not know it), on the
    /// same wall clock as the uptime days (``DayCalendar``).
    init(zone identifier: String) {
        days = DayCalendar(identifier: identifier) ?? .utc
        zoneName = identifier
    }

    /// `2026-11-30 01:23 UTC` for unix ms `time`.
    func time(_ time: Int64) -> String {
        let wall = days.wallTime(of: time)
        return Self.date(wall) + " " + Self.padded(wall.hour) + ":" + Self.padded(wall.minute) + " " + zoneName
    }

    /// RFC 3339 in UTC, as Atom wants: `2026-11-30T01:23:45Z`.
    static func rfc3339(_ time: Int64) -> String {
        let wall = DayCalendar.utc.wallTime(of: time)
        return date(wall) + "T" + padded(wall.hour) + ":" + padded(wall.minute) + ":" + padded(wall.second) + "Z"
    }

    /// `2026-11-30`; a year outside 0...9999 is written as it is.
    private static func date(_ wall: WallTime) -> String {
        let year = (0...9_999).contains(wall.year) ? String(String(wall.year + 10_000).dropFirst()) : String(wall.year)
        return year + "-" + padded(wall.month) + "-" + padded(wall.day)
    }

    private static func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `1d 2h`, `3h 4m`, `5m 6s`, `7s` for a span of `milliseconds`.
    static func duration(_ milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1000)
        let (days, hours, minutes) = (seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m \(seconds % 60)s" }
        return "\(seconds)s"
    }

    /// `99.93%`, or `–` where nothing was monitored.
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "–" }
        return String(format: "%.2f%%", ratio * 100)
    }

    /// `12.3 ms`.
    static func latency(_ milliseconds: Double) -> String {
        milliseconds.isFinite ? String(format: milliseconds < 100 ? "%.1f ms" : "%.0f ms", milliseconds) : "–"
    }

    /// `text` without the characters XML 1.0 cannot carry (C0 controls but tab, newline and
    /// return; U+FFFE and U+FFFF), so a hostile message cannot break the feed.
    static func xmlSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD: true
            case 0..<0x20, 0xFFFE, 0xFFFF: false
            default: true
            }
        }))
    }
}
