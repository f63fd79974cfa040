#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A free-text column and how much it holds, counted as the databases count: MySQL's
/// VARCHAR(n) and SQLite's `length()` both count code points (Unicode scalars), not Swift
/// `Character`s, which merge a base letter with any number of combining marks.
package struct TextColumn: Sendable, Equatable {
    /// The column, for messages: "check_flips.message".
    package let name: String
    /// The most code points it holds.
    package let limit: Int

    /// A result or flip message (`check_results.message`, `check_flips.message`, `alert_outbox.message`).
    package static let message = TextColumn(name: "message", limit: 1024)
    /// A check's name as copied into each notification (`alert_outbox.check_name`).
    package static let checkName = TextColumn(name: "alert_outbox.check_name", limit: 64)
    /// A check's masked data as copied into each notification (`alert_outbox.check_data`).
    package static let checkData = TextColumn(name: "alert_outbox.check_data", limit: 2048)
    /// A delivery's last error (`alert_outbox.last_error`).
    package static let lastError = TextColumn(name: "alert_outbox.last_error", limit: 1024)
    /// Why a row is held or suppressed (`alert_outbox.hold_reason`).
    package static let holdReason = TextColumn(name: "alert_outbox.hold_reason", limit: 255)
    /// A delivery's receipt (`alert_outbox.receipt`).
    package static let receipt = TextColumn(name: "alert_outbox.receipt", limit: 255)
    /// One line a plugin logs (not stored, but a plugin must not fill the log with one call).
    package static let logLine = TextColumn(name: "log line", limit: 4096)
    /// A metric's name, as plugins report it.
    package static let metricName = TextColumn(name: "metric name", limit: 64)
    /// A metric's unit.
    package static let metricUnit = TextColumn(name: "metric unit", limit: 16)
    /// A charge's data (`charges.data`).
    package static let chargeData = TextColumn(name: "charges.data", limit: 512)
    /// Who acknowledged an outage (`check_acks.acked_by`).
    package static let ackedBy = TextColumn(name: "check_acks.acked_by", limit: 128)
}

extension String {
    /// This text as `column` can always store it: NULs (which C callers would cut at) become
    /// U+FFFD, and text longer than the column is cut, with an ellipsis, to exactly its limit.
    /// Free text (messages, errors, names copied for display) is fitted, never refused: a
    /// refused flip would silence alerting. Keys (ids, node names) are refused instead, since
    /// cut keys collide.
    package func fitted(to column: TextColumn) -> String {
        let limit = max(1, column.limit)
        var count = 0
        var clean = true
        for scalar in unicodeScalars {
            count += 1
            if scalar == "\0" { clean = false }
            if count > limit { clean = false; break }
        }
        if clean { return self }
        var scalars = String.UnicodeScalarView()
        var kept = 0
        let room = count > limit ? limit - 1 : limit
        for scalar in unicodeScalars {
            guard kept < room else { break }
            scalars.append(scalar == "\0" ? "\u{FFFD}" : scalar)
            kept += 1
        }
        if count > limit { scalars.append("\u{2026}") }
        return String(scalars)
    }

    /// A plugin's C string as `column` can store it: at most what could fill the column is
    /// read (a 1 MiB message costs no more than a short one), invalid UTF-8 becomes U+FFFD,
    /// and the result is fitted as ``fitted(to:)`` does.
    package init(cMessage pointer: UnsafePointer<CChar>, fittedTo column: TextColumn) {
        // Four bytes per code point at most, plus one more code point to know it was longer.
        let cap = (column.limit + 1) * 4
        let length = strnlen(pointer, cap)
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
        // Read to the cap, the text has more code points than the column holds (each is at
        // most four bytes, and an invalid byte becomes one U+FFFD), so fitting cuts it and a
        // sequence broken at the cap is never kept.
        self = String(decoding: bytes, as: UTF8.self).fitted(to: column)
    }
}
