package import BearmonCore

/// A maintenance window as an API body or a config-as-code file gives it, read and checked for
/// everything that does not need the store or the clock: one scope, one kind of timing, a
/// cron expression that parses, a known time zone, a duration within bounds, a comment that fits.
/// What needs them (the check or tag exists, the window is not over) is checked by the caller.
package struct MaintenanceInput: Sendable, Equatable {
    /// What the window covers, as given.
    package enum Target: Sendable, Equatable {
        /// A check by id (the API and the CLI).
        case checkID(Int64)
        /// A check by name (config as code).
        case checkName(String)
        /// Every check with the tag.
        case tag(String)
        /// Every check.
        case all
    }

    /// The fields an API body may have.
    package static let bodyFields = ["name", "check_id", "tag", "all", "start", "end", "cron", "duration", "time_zone", "comment"]
    /// The zone of a recurring window that names none.
    package static let defaultTimeZone = "UTC"

    /// Its unique name, or "" for none.
    package var name: String
    /// What it covers.
    package var target: Target
    /// When it is open; cron text normalized (fields separated by single spaces).
    package var timing: MaintenanceRow.Timing
    /// Why, for people.
    package var comment: String

    /// Reads a window from `reader`; the check is `check_id` (an id) or, with `checkByName`,
    /// `check` (a name). Each refusal names the field.
    package init(_ reader: BodyReader, checkByName: Bool) throws(CatalogError) {
        let what = reader.what
        name = try reader.string("name") ?? ""
        if reader.has("name") { try Self.checkName(name) }
        let targets = try Self.targets(reader, checkByName: checkByName)
        let checkField = checkByName ? "check" : "check_id"
        guard targets.count == 1, let target = targets.first else {
            throw CatalogError(.invalid, targets.isEmpty
                ? "the \(what) needs a scope: \(checkField) (one check), tag (every check with it) or all: true (every check)"
                : "the \(what) gives \(targets.count) scopes; give one of \(checkField), tag and all")
        }
        self.target = target
        timing = try Self.timing(reader)
        comment = try reader.string("comment") ?? ""
        try HoldFields.checkComment(comment, of: what)
    }

    /// Every scope `reader` gives: `check_id` (or, `checkByName`, `check`), `tag`, and `all: true`
    /// (a body whose known fields lack one gives none of it). Silences read theirs this way too.
    package static func targets(_ reader: BodyReader, checkByName: Bool) throws(CatalogError) -> [Target] {
        var targets: [Target] = []
        if checkByName {
            if let check = try reader.string("check") { targets.append(.checkName(check)) }
        } else if let id = try reader.int("check_id", in: 1...Int64.max) {
            targets.append(.checkID(id))
        }
        if let tag = try reader.string("tag") {
            try NameRules.checkTag(tag)
            targets.append(.tag(tag))
        }
        if try reader.bool("all") == true { targets.append(.all) }
        return targets
    }

    /// The prefix of the names config as code gives windows without one.
    package static let unnamedPrefix = "maintenance-"

    /// ``NameRules/checkName(_:field:)``, and not `maintenance-ID`: config as code keys
    /// windows without a name that way.
    package static func checkName(_ name: String) throws(CatalogError) {
        try NameRules.checkName(name, field: "maintenance name")
        if unnamedID(name) != nil {
            throw CatalogError(.invalid, "maintenance name \"\(name)\" has the form maintenance-ID, which config as code uses for windows without a name; choose another")
        }
    }

    /// The id `name` stands for when it has the form `maintenance-ID`.
    package static func unnamedID(_ name: String) -> Int64? { StoredCatalog.unnamedID(name, prefix: unnamedPrefix) }

    /// The timing: `start` and `end`, or `cron`, `duration` and `time_zone` (default UTC).
    private static func timing(_ reader: BodyReader) throws(CatalogError) -> MaintenanceRow.Timing {
        let what = reader.what
        let oneOff = reader.has("start") || reader.has("end")
        let recurring = reader.has("cron") || reader.has("duration") || reader.has("time_zone")
        guard oneOff != recurring else {
            throw CatalogError(.invalid, oneOff
                ? "the \(what) gives both start/end and cron/duration; give start and end for a one-off window, or cron and duration for a recurring one"
                : "the \(what) needs start and end (a one-off window) or cron and duration (a recurring one)")
        }
        if oneOff {
            guard let startValue = reader.value("start"), let endValue = reader.value("end") else {
                throw CatalogError(.invalid, "the \(what) needs both start and end, times such as 2026-12-01T02:00:00+01:00")
            }
            let start = try HoldFields.instant(startValue, field: "start", of: what), end = try HoldFields.instant(endValue, field: "end", of: what)
            let window = try scheduled { () throws(MaintenanceScheduleError) in try OneOffWindow(start: start, end: end) }
            return .oneOff(start: window.start, end: window.end)
        }
        guard let cron = try reader.string("cron") else { throw CatalogError(.invalid, "the \(what) needs cron, five fields such as '0 2 * * SUN', beside its duration") }
        guard let durationValue = reader.value("duration") else { throw CatalogError(.invalid, "the \(what) needs duration, such as 2h, beside its cron expression") }
        let milliseconds = try HoldFields.milliseconds(durationValue, field: "duration", of: what)
        guard milliseconds % 1_000 == 0 else { throw CatalogError(.invalid, "\(what) duration must be whole seconds, got \(milliseconds) ms") }
        let zone = try reader.string("time_zone") ?? defaultTimeZone
        let window = try scheduled { () throws(MaintenanceScheduleError) in
            try RecurringWindow(lenientExpression: cron, duration: .milliseconds(milliseconds), timeZoneIdentifier: zone)
        }
        return .recurring(cron: window.cron.text, durationSeconds: milliseconds / 1_000, timeZone: zone)
    }

    /// A schedule's refusal as a 400 with its words.
    private static func scheduled<T>(_ body: () throws(MaintenanceScheduleError) -> T) throws(CatalogError) -> T {
        do {
            return try body()
        } catch {
            throw CatalogError(.invalid, error.reason)
        }
    }

    /// Refuses a window with nothing ahead at `now`: a one-off one already over, a recurring
    /// one whose expression does not fire within 366 days. (Stored windows are not judged
    /// again: a window may end, and a file that lists it still applies.)
    package func requireUpcoming(now: Int64) throws(CatalogError) {
        switch timing {
        case .oneOff(_, let end):
            guard end > now else {
                throw CatalogError(.invalid, "the maintenance window ends at \(HoldFields.text(end)), which is past; give an end in the future")
            }
        case .recurring(let cron, let seconds, let zone):
            _ = try Self.scheduled { () throws(MaintenanceScheduleError) in
                try RecurringWindow(expression: cron, duration: .seconds(seconds), timeZoneIdentifier: zone, now: now)
            }
        }
    }

    /// The row to store, covering `scope`.
    package func row(scope: HoldScope, createdBy: String) -> MaintenanceRow {
        MaintenanceRow(id: 0, name: name, scope: scope, timing: timing, comment: comment, createdBy: createdBy, createdAt: 0)
    }
}
