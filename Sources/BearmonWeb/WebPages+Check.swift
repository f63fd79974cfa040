import BearmonCore
import BearmonManagement
import BearmonStore

extension WebPages {
    /// Incidents shown on a check's page at most.
    static let maxIncidents = 100

    /// A check's page: uptime per window, 90 daily bars, a week's latency, each worker's newest
    /// result, its incidents of the last 90 days with their notifications, and its definition
    /// (secrets masked). Nil for a check that does not exist.
    package func checkPage(_ id: Int64) throws -> String? {
        guard id > 0 else { return nil }
        guard try store.checkRow(id) != nil else { return nil }
        let check = try catalog.check(id)
        let now = now()
        let uptime = try UptimeReader(store: store, days: days).uptime(checkID: id, intervalSeconds: check.interval, tags: check.tags, now: now)
        let bars = try bars([id], now: now, hours: true)[id]!
        let (hour, _) = clock(now)
        let week = try store.hourlyAggregates(checkID: id, from: hour - 167 * ResultRollup.hourMs, to: hour + ResultRollup.hourMs)
        let means = LatencyChart.hourlyMeans(week, lastHour: hour, count: 168)
        let measured = week.map(\.aggregate).filter { $0.results > 0 }
        let latencySummary = measured.isEmpty ? "No results in 7 days." :
            "min \(WebFormat.latency(measured.map(\.latencyMin).min() ?? 0)), mean \(WebFormat.latency(measured.meanLatency ?? 0)), max \(WebFormat.latency(measured.map(\.latencyMax).max() ?? 0))"
        let latest = try store.latestResults(checkIDs: [id], since: now - 86_400_000)[id] ?? []
        let overlays = try store.checkOverlays([id], now: now)
        let state = Self.state(status: check.status, enabled: check.enabled, maintenance: overlays.overlays[id]?.maintenance != nil)
        let model = WebView.Check(
            frame: frame(title: check.name, guarded: true), state: state.state, stateLabel: state.label, type: check.type, tags: check.tags,
            interval: WebFormat.duration(check.interval.secondsInMilliseconds), isPublic: check.public,
            overlays: overlayLines(overlays.overlays[id], held: overlays.held[id]),
            uptime: UptimeReader.windows.map { WebView.Check.Window(window: $0.name, value: WebFormat.percent(uptime[$0.name] ?? nil)) },
            bars: bars, chart: LatencyChart.svg(means, width: 672, height: 120, label: "hourly mean latency, last 7 days", axis: true),
            latencySummary: latencySummary, workers: latest.map { worker($0, now: now) },
            incidents: try outages(checkID: id, now: now), data: check.data.jsonText
        )
        return render(model, "check")
    }

    /// The check's incidents of the last 90 days, newest first, each with the notifications
    /// of its two flips (contact by name where it has one, else type and id).
    private func outages(checkID: Int64, now: Int64) throws -> [WebView.Check.Outage] {
        let flips = try store.flips(checkID: checkID, from: now - Int64(Self.barDays) * 86_400_000, to: now + 1)
        let incidents = Array(Incident.pair(flips).prefix(Self.maxIncidents))
        let notifications = Dictionary(grouping: try store.notifications(flipIDs: incidents.flatMap(\.flipIDs)), by: \.flipID)
        let names = try store.contactNames()
        return incidents.map { incident in
            let sent = incident.flipIDs.flatMap { notifications[$0] ?? [] }.map { entry in
                WebView.Check.Notification(
                    contact: names[entry.contactID].map { "\($0) (\(entry.contactType ?? "?"))" } ?? "\(entry.contactType ?? "contact") #\(entry.contactID)",
                    kind: entry.kind.rawValue + " · " + entry.status.rawValue, eventID: entry.eventID, attempts: entry.attempts,
                    outcome: entry.state.rawValue, receipt: entry.receipt ?? ""
                )
            }
            return WebView.Check.Outage(
                start: format.time(incident.start), end: incident.end.map(format.time) ?? "ongoing",
                duration: WebFormat.duration(incident.duration(now: now)) + (incident.end == nil ? " so far" : ""),
                message: incident.down.message, hasNotifications: !sent.isEmpty, notifications: sent
            )
        }
    }
}
