import BearmonCore
import BearmonStore

extension WebPages {
    /// The checks a dashboard `query` shows, read from the store: the first step of a
    /// dashboard, so that the acting controller can be asked about just these checks' rounds.
    package func dashboardSelection(_ query: DashboardQuery) throws -> DashboardSelection {
        let all = try store.checkRows()
        let tags = try store.checkTags()
        let states = Dictionary(uniqueKeysWithValues: all.map { ($0.id, Self.state(status: $0.status, enabled: $0.enabled).state) })
        let needle = query.search.lowercased()
        let matching = all.filter { row in
            (needle.isEmpty || row.name.lowercased().contains(needle))
                && (query.status.map { states[row.id] == $0 } ?? true)
                && (query.type.map { row.type == $0 } ?? true)
                && (query.tag.map { tags[row.id]?.contains($0) ?? false } ?? true)
        }.sorted { (states[$0.id] == "offline" ? 0 : 1, $0.name, $0.id) < (states[$1.id] == "offline" ? 0 : 1, $1.name, $1.id) }
        let pages = max(1, (matching.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(query.page, pages)
        let shown = Array(matching.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize))
        return DashboardSelection(query: query, all: all, tags: tags, states: states, matching: matching.count, shown: shown, page: page, pages: pages)
    }

    /// The dashboard of `query` in one step; `rounds` as in ``dashboard(_:rounds:)-(DashboardSelection,_)``.
    package func dashboard(_ query: DashboardQuery, rounds: CurrentRounds? = nil) throws -> String {
        try dashboard(dashboardSelection(query), rounds: rounds)
    }

    /// The dashboard: every check matching the query, a page at a time, with its status, 90 daily
    /// bars and 24 hourly ones, a latency sparkline, each worker's newest result and its overlays.
    /// The page's checks are read with one query per kind of data, whatever their number.
    /// `rounds` is the acting controller's word on the shown checks' rounds; nil shows "unknown".
    package func dashboard(_ selection: DashboardSelection, rounds: CurrentRounds?) throws -> String {
        let now = now()
        let (query, all, tags, states, shown, page, pages) = (selection.query, selection.all, selection.tags, selection.states, selection.shown, selection.page, selection.pages)
        let ids = shown.map(\.id)
        let bars = try bars(ids, now: now, hours: true)
        let latest = try store.latestResults(checkIDs: ids, since: now - 86_400_000)
        let overlays = try store.checkOverlays(ids, now: now)
        let rows = shown.map { row in
            let overlay = overlays.overlays[row.id]
            let state = Self.state(status: row.status, enabled: row.enabled, maintenance: overlay?.maintenance != nil)
            let drawn = bars[row.id]
            let hourly = drawn?.hourly ?? []
            let means = LatencyChart.hourlyMeans(hourly, lastHour: clock(now).hour, count: Self.barHours)
            let mean = hourly.map(\.aggregate).meanLatency
            return WebView.Dashboard.Row(
                id: row.id, name: row.name, type: row.type, tags: tags[row.id] ?? [], state: state.state, stateLabel: state.label,
                overlays: overlayLines(overlay, held: overlays.held[row.id]),
                days: drawn?.days ?? "", hours: drawn?.hours, uptime: "90 d: \(WebFormat.percent(drawn?.ratio)) of results online",
                sparkline: LatencyChart.svg(means, width: 96, height: 18, label: "hourly mean latency, last 24 hours"),
                latency: mean.map { "mean \(WebFormat.latency($0))" } ?? "no results",
                workers: (latest[row.id] ?? []).map { worker($0, now: now) },
                round: rounds?.text(for: row.id) ?? CurrentRounds.unknown
            )
        }
        let counts = Dictionary(grouping: all, by: { states[$0.id] ?? "unknown" }).mapValues(\.count)
        let summary = "\(all.count) checks: " + DashboardQuery.states.map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
            + (selection.matching == all.count ? "" : "; \(selection.matching) match")
        let model = WebView.Dashboard(
            frame: frame(title: "bearmon", guarded: true), query: query,
            statusOptions: options([nil] + DashboardQuery.states, selected: query.status, any: "any status"),
            typeOptions: options([nil] + Set(all.map(\.type)).sorted(), selected: query.type, any: "any type"),
            tagOptions: options([nil] + Set(tags.values.joined()).sorted(), selected: query.tag, any: "any tag"),
            summary: summary, rows: rows, page: page, pages: pages,
            previous: page > 1 ? query.link(page: page - 1) : nil, next: page < pages ? query.link(page: page + 1) : nil
        )
        return render(model, "dashboard")
    }

    /// The choices of a filter: nil is "any".
    private func options(_ values: [String?], selected: String?, any: String) -> [WebView.Option] {
        var values = values
        // A value asked for that no check has still shows as chosen, so the form says what filtered.
        if let selected, !values.contains(selected) { values.append(selected) }
        return values.map { WebView.Option(value: $0 ?? "", label: $0 ?? any, selected: $0 == selected) }
    }

    /// A worker's newest result as shown.
    func worker(_ result: ResultRecord, now: Int64) -> WebView.Worker {
        WebView.Worker(node: result.node, status: result.status.rawValue, latency: WebFormat.latency(result.latencyMilliseconds),
                       ago: WebFormat.duration(now - result.time) + " ago", time: format.time(result.time), message: result.message)
    }
}
