/// The maintenance windows and silences in force, read once and asked per check: which of
/// them covers a check at an instant. Rows that cannot be a schedule (edited in SQL) never
/// hold anything: a broken window must not silence alerts; they are listed in ``broken``.
package struct HoldCalendar: Sendable {
    private let windows: [(row: MaintenanceRow, schedule: any MaintenanceWindowSchedule)]
    private let silences: [SilenceRow]
    /// Stored windows that are not valid schedules, with the reason.
    package let broken: [(id: Int64, reason: String)]

    /// A calendar of `maintenances` and `silences`; `now` judges recurring rows only for
    /// their zone and duration.
    package init(maintenances: [MaintenanceRow], silences: [SilenceRow], now: Int64) {
        var windows: [(row: MaintenanceRow, schedule: any MaintenanceWindowSchedule)] = []
        var broken: [(id: Int64, reason: String)] = []
        for row in maintenances {
            switch row.schedule(now: now) {
            case .success(let schedule): windows.append((row, schedule))
            case .failure(let error): broken.append((row.id, error.reason))
            }
        }
        self.windows = windows
        self.silences = silences
        self.broken = broken
    }

    /// No windows and no silences.
    package static let empty = HoldCalendar(maintenances: [], silences: [], now: 0)

    /// Whether nothing is stored that could hold a notification.
    package var isEmpty: Bool { windows.isEmpty && silences.isEmpty }

    /// The first maintenance window, then the first silence, that covers the check at `instant`.
    package func hold(checkID: Int64, tags: [String], at instant: Int64) -> HoldReason? {
        if let window = maintenance(checkID: checkID, tags: tags, at: instant) { return .maintenance(id: window.row.id) }
        if let silence = silence(checkID: checkID, tags: tags, at: instant) { return .silence(id: silence.id) }
        return nil
    }

    /// The maintenance window covering the check at `instant`, with the span it is in.
    package func maintenance(checkID: Int64, tags: [String], at instant: Int64) -> (row: MaintenanceRow, span: OneOffWindow)? {
        for window in windows where window.row.scope.covers(checkID: checkID, tags: tags) {
            if let span = window.schedule.window(covering: instant) { return (window.row, span) }
        }
        return nil
    }

    /// The spans in `span` when a maintenance window covered the check (silences do not count:
    /// they quiet notifications, they do not take time out of uptime).
    package func maintenanceSpans(checkID: Int64, tags: [String], in span: Range<Int64>) -> SpanSet {
        var all = SpanSet()
        for window in windows where window.row.scope.covers(checkID: checkID, tags: tags) {
            all = SpanSet(all.spans + window.schedule.spans(in: span).spans)
        }
        return all
    }

    /// The silence covering the check at `instant`.
    package func silence(checkID: Int64, tags: [String], at instant: Int64) -> SilenceRow? {
        silences.first { $0.scope.covers(checkID: checkID, tags: tags) && $0.isActive(at: instant) }
    }
}
