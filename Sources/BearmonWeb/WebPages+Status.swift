import BearmonCore
import BearmonStore

extension WebPages {
    /// Days of incidents on the status page.
    static let statusIncidentDays: Int64 = 14
    /// Incidents on the status page and in the feed at most.
    static let maxPublicIncidents = 50
    /// The group of public checks without a tag.
    static let untagged = "Other"

    /// The public checks (enabled and marked public), with their tags; only those with `tag` when given.
    func publicChecks(tag: String?) throws -> (rows: [CheckRow], tags: [Int64: [String]]) {
        let publicIDs = try store.publicCheckIDs()
        guard !publicIDs.isEmpty else { return ([], [:]) }
        let tags = try store.checkTags()
        let rows = try store.checkRows().filter { row in
            publicIDs.contains(row.id) && row.enabled && (tag.map { tags[row.id]?.contains($0) ?? false } ?? true)
        }
        return (rows, tags)
    }

    /// The public status page: public checks only, grouped by tag (one group for `tag` when
    /// given), with their state, 90 daily bars, active maintenance and recent incidents; no
    /// messages unless `[status] showMessages`. Nil when `tag` has no public check.
    package func statusPage(tag: String?) throws -> String? {
        let now = now()
        let (rows, tags) = try publicChecks(tag: tag)
        if tag != nil && rows.isEmpty { return nil }
        let ids = rows.map(\.id)
        let bars = try bars(ids, now: now, hours: false)
        let overlays = try store.checkOverlays(ids, now: now)
        var groups: [String: [WebView.Status.Entry]] = [:]
        var down = 0
        for row in rows.sorted(by: { ($0.name, $0.id) < ($1.name, $1.id) }) {
            let state = Self.state(status: row.status, enabled: row.enabled, maintenance: overlays.overlays[row.id]?.maintenance != nil)
            if state.state == "offline" { down += 1 }
            let entry = WebView.Status.Entry(
                name: row.name, state: state.state, stateLabel: Self.publicLabel(state.state), days: bars[row.id]?.days ?? "", hours: nil,
                uptime: WebFormat.percent(bars[row.id]?.ratio) + " (90 days)"
            )
            let own = tags[row.id] ?? []
            for group in tag.map({ [$0] }) ?? (own.isEmpty ? [Self.untagged] : own) { groups[group, default: []].append(entry) }
        }
        let maintenance = rows.compactMap { row in
            overlays.overlays[row.id]?.maintenance.map { "\(row.name): maintenance until \(format.time($0.until))" }
        }
        let names = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.name) })
        let flips = try store.flips(checkIDs: ids, since: now - Self.statusIncidentDays * 86_400_000, limit: Self.maxPublicIncidents * 2)
        let incidents = Incident.pair(flips).prefix(Self.maxPublicIncidents).map { incident in
            WebView.Status.Outage(
                name: names[incident.checkID] ?? "", start: format.time(incident.start), end: incident.end.map(format.time) ?? "ongoing",
                duration: WebFormat.duration(incident.duration(now: now)) + (incident.end == nil ? " so far" : ""),
                message: settings.showMessages && !incident.down.message.isEmpty ? incident.down.message : nil
            )
        }
        let title = settings.title + (tag.map { " · \($0)" } ?? "")
        let model = WebView.Status(
            frame: frame(title: title, guarded: false, feed: true),
            banner: rows.isEmpty ? "No public checks." : down == 0 ? "All systems operational." : "\(down) of \(rows.count) down.",
            bannerState: down == 0 ? "operational" : "down", hasMaintenance: !maintenance.isEmpty, maintenance: maintenance,
            groups: groups.keys.sorted { ($0 == Self.untagged ? 1 : 0, $0) < ($1 == Self.untagged ? 1 : 0, $1) }.map { WebView.Status.Group(name: $0, checks: groups[$0] ?? []) },
            incidents: Array(incidents)
        )
        return render(model, "status")
    }

    /// The words the status page uses for a state.
    static func publicLabel(_ state: String) -> String {
        switch state {
        case "online": "operational"
        case "offline": "down"
        case "maintenance": "maintenance"
        default: "unknown"
        }
    }
}
