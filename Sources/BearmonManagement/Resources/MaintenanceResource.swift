package import BearmonCore

/// A maintenance window as the API and the CLI show it: its scope (`check_id`, `tag`, or
/// `all`), its timing (`start`/`end` in unix ms, or `cron`, `duration` in seconds and
/// `time_zone`), and whether it is on now. Sent back as a body, it makes the same window.
package struct MaintenanceResource: Sendable, Equatable, Codable {
    /// `maintenances.id`.
    package var id: Int64
    /// Its unique name, or nil.
    package var name: String?
    /// The check it covers, or nil.
    package var checkID: Int64?
    /// The tag whose checks it covers, or nil.
    package var tag: String?
    /// Whether it covers every check.
    package var all: Bool
    /// A one-off window's start, unix ms.
    package var start: Int64?
    /// A one-off window's end, unix ms (not covered).
    package var end: Int64?
    /// A recurring window's cron expression.
    package var cron: String?
    /// A recurring window's length, seconds.
    package var duration: Int64?
    /// A recurring window's IANA time zone.
    package var timeZone: String?
    /// Why, for people.
    package var comment: String
    /// The token's name, or `local:USER`, that made it.
    package var createdBy: String
    /// When it was made, unix ms.
    package var createdAt: Int64
    /// Whether it is on now.
    package var active: Bool
    /// When the occurrence on now ends, unix ms, or nil.
    package var activeUntil: Int64?
    /// When it next opens, unix ms, or nil (a one-off window begun or over).
    package var nextStart: Int64?

    /// The resource of a stored window, judged at `now` (unix ms).
    package init(_ row: MaintenanceRow, now: Int64) {
        id = row.id
        name = row.name.isEmpty ? nil : row.name
        switch row.scope {
        case .check(let check): checkID = check
        case .tag(let text): tag = text
        case .all: break
        }
        all = row.scope == .all
        switch row.timing {
        case .oneOff(let from, let to):
            start = from
            end = to
        case .recurring(let expression, let seconds, let zone):
            cron = expression
            duration = seconds
            timeZone = zone
        }
        comment = row.comment
        createdBy = row.createdBy
        createdAt = row.createdAt
        // A row that cannot be a schedule (edited in SQL) holds nothing, as HoldCalendar has it.
        let schedule = try? row.schedule(now: now).get()
        let span = schedule?.window(covering: now)
        active = span != nil
        activeUntil = span?.end
        nextStart = schedule?.nextStart(after: now + 1)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, tag, all, start, end, cron, duration, comment, active
        case checkID = "check_id"
        case timeZone = "time_zone"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case activeUntil = "active_until"
        case nextStart = "next_start"
    }

    /// Its timing, or nil for a resource that has neither kind (not one the API sends).
    package var timing: MaintenanceRow.Timing? {
        if let cron, let duration { return .recurring(cron: cron, durationSeconds: duration, timeZone: timeZone ?? MaintenanceInput.defaultTimeZone) }
        if let start, let end { return .oneOff(start: start, end: end) }
        return nil
    }

    /// Its timing in words (see ``HoldFields/whenText(_:)``).
    package var whenText: String { timing.map(HoldFields.whenText) ?? "no timing" }

    /// "check 7", "tag db" or "all checks".
    package var scopeLabel: String {
        if let checkID { return "check \(checkID)" }
        if let tag { return "tag \(tag)" }
        return "all checks"
    }
}
