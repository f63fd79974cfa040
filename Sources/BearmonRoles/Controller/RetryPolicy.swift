/// When a failed delivery is tried again, and when bearmon gives up on it.
package struct RetryPolicy: Sendable {
    /// The first retry's delay; each later one doubles it.
    package var base: Duration = .seconds(5)
    /// The longest delay between two attempts.
    package var cap: Duration = .seconds(600)
    /// Attempts after which a delivery fails for good.
    package var maxAttempts: Int64 = 40
    /// Age (since the flip) after which a delivery fails for good: a day-old outage alert
    /// helps nobody, and its online notification will follow anyway.
    package var maxAge: Duration = .seconds(24 * 3_600)
    /// `[notify] fallbackAfter` (default 10 min): how long after its row was written a
    /// delivery still failing reaches the alert's fallback contact (while it is retried on).
    package var fallbackAfter: Duration = .seconds(600)

    /// The default policy.
    package init() {}

    /// The delay before attempt number `attempts + 1`, with ±20% jitter so that many rows
    /// failing together do not retry together.
    package func delay(afterAttempts attempts: Int64) -> Duration {
        let exponent = min(max(0, attempts.saturatingSubtracting(1)), 20)
        let raw = min(cap.inMilliseconds, base.inMilliseconds << exponent)
        return .milliseconds(raw + Int64.random(in: -(raw / 5)...(raw / 5)))
    }

    /// Whether a row created at `createdAt`, failing again at `now`, is due to fall back.
    package func fallsBack(createdAt: Int64, now: Int64) -> Bool {
        now.saturatingSubtracting(createdAt) >= fallbackAfter.inMilliseconds
    }

    /// Whether to stop after `attempts` failures of a row created at `createdAt`.
    package func givesUp(attempts: Int64, createdAt: Int64, now: Int64) -> Bool {
        attempts >= maxAttempts || now.saturatingSubtracting(createdAt) >= maxAge.inMilliseconds
    }
}
