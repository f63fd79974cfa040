/// monitor-srv's reaping rules for one push, judged from when bearmon received it: past
/// `interval` it is stale (a status shows UNKNOWN, "Last update Ns ago"); past both
/// `interval` and `ttl` it has expired and is deleted.
package enum PushFreshness: Sendable, Equatable {
    /// Within its interval.
    case fresh
    /// Past its interval but not expired; the last update was this many seconds ago.
    case stale(secondsAgo: Int64)
    /// Past both its interval and its ttl.
    case expired

    /// The freshness of a push received at `receivedAt` (unix ms), at `now` (unix ms).
    package init(receivedAt: Int64, intervalSeconds: Int64, ttlSeconds: Int64, now: Int64) {
        // Exact, in 128 bits: a stored row's numbers can be anything, a status must still
        // answer, and it must agree with the SQL below, which MariaDB computes exactly too.
        let age = Int128(now) - Int128(receivedAt)
        let stale = age > Int128(intervalSeconds) * 1_000
        if stale, age > Int128(ttlSeconds) * 1_000 {
            self = .expired
        } else if stale {
            self = .stale(secondsAgo: Int64(clamping: age / 1_000))
        } else {
            self = .fresh
        }
    }

    /// The info a stale status shows, as monitor-srv words it.
    package static func lastUpdate(secondsAgo: Int64) -> String { "Last update \(secondsAgo)s ago" }

    /// The same rule as SQL: true for rows that have expired at the `?` bound twice to now.
    /// The reaper deletes these; queries leave them out, so answers do not depend on when
    /// the reaper last ran. It subtracts from now rather than adding to `received_at`: a row
    /// written by SQL may hold any BIGINT there, and MariaDB fails a whole statement on a
    /// BIGINT overflow, which would have hidden every push behind one bad row. The INT
    /// columns times 1,000 and now are far inside BIGINT. (SQLite turns an overflow into a
    /// REAL, which orders the same way.)
    package static let expiredSQL = "(? - interval_s * 1000 > received_at AND ? - ttl_s * 1000 > received_at)"
    /// Rows that are stale at the `?` bound to now.
    package static let staleSQL = "(? - interval_s * 1000 > received_at)"
}

extension PushRow {
    /// This push's freshness at `now` (unix ms).
    package func freshness(now: Int64) -> PushFreshness {
        PushFreshness(receivedAt: receivedAt, intervalSeconds: intervalSeconds, ttlSeconds: ttlSeconds, now: now)
    }
}
