/// A stored maintenance window: a one-off span or a recurring cron schedule, over a scope.
/// During it checks run and flips are recorded, but notifications are held.
package struct MaintenanceRow: Sendable, Equatable {
    /// How it recurs.
    package enum Timing: Sendable, Equatable {
        /// From `start` to `end`, unix ms.
        case oneOff(start: Int64, end: Int64)
        /// At each firing of `cron` in `timeZone`, for `durationSeconds`.
        case recurring(cron: String, durationSeconds: Int64, timeZone: String)
    }

    /// Row id.
    package let id: Int64
    /// Unique when not empty; config as code keys windows by it.
    package let name: String
    /// What it covers.
    package let scope: HoldScope
    /// When it is open.
    package let timing: Timing
    /// Why, for people.
    package let comment: String
    /// The token's name or the local user that made it.
    package let createdBy: String
    /// Unix ms.
    package let createdAt: Int64

    /// A value from its parts.
    package init(id: Int64, name: String, scope: HoldScope, timing: Timing, comment: String, createdBy: String, createdAt: Int64) {
        self.id = id
        self.name = name
        self.scope = scope
        self.timing = timing
        self.comment = comment
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The schedule, or the reason a stored row cannot be one (a row edited in SQL). A
    /// recurring row is judged against `now` only for its zone and duration, never refused for
    /// firing rarely: it was checked when written.
    package func schedule(now: Int64) -> Result<any MaintenanceWindowSchedule, MaintenanceScheduleError> {
        do throws(MaintenanceScheduleError) {
            switch timing {
            case .oneOff(let start, let end):
                return .success(try OneOffWindow(start: start, end: end))
            case .recurring(let cron, let seconds, let zone):
                guard seconds > 0, seconds <= Int64(RecurringWindow.longest.components.seconds) else {
                    throw MaintenanceScheduleError("maintenance window duration \(seconds)s is out of bounds; use 1 minute to 31 days")
                }
                return .success(try RecurringWindow(lenientExpression: cron, duration: .seconds(seconds), timeZoneIdentifier: zone))
            }
        } catch {
            return .failure(error)
        }
    }
}
