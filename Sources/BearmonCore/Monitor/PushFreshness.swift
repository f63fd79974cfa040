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
        // Saturating: a stored row's numbers can be anything, and a status must still answer.
        let staleAfter = receivedAt.saturatingAdding(intervalSeconds.secondsInMilliseconds)
        if now > staleAfter, now > receivedAt.saturatingAdding(ttlSeconds.secondsInMilliseconds) {
            self = .expired
        } else if now > staleAfter {
            self = .stale(secondsAgo: now.saturatingSubtracting(receivedAt) / 1_000)
        } else {
            self = .fresh
        }
    }

    /// The info a stale status shows, as monitor-srv words it.
    package static func lastUpdate(secondsAgo: Int64) -> String { "Last update \(secondsAgo)s ago" }

    /// The same rule as SQL: true for rows that have expired at the `?` bound twice to now.
    /// The reaper deletes these; queries leave them out, so answers do not depend on when
    /// the reaper last ran.
    package static let expiredSQL = "(? > received_at + interval_s * 1000 AND ? > received_at + ttl_s * 1000)"
    /// Rows that are stale at the `?` bound to now.
    package static let staleSQL = "(? > received_at + interval_s * 1000)"
}

extension PushRow {
    /// This push's freshness at `now` (unix ms).
    package func freshness(now: Int64) -> PushFreshness {
        PushFreshness(receivedAt: receivedAt, intervalSeconds: intervalSeconds, ttlSeconds: ttlSeconds, now: now)
    }
}
