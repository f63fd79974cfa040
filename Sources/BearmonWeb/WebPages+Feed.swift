import BearmonCore

extension WebPages {
    /// The status page's incidents of the last 90 days as an Atom feed (public checks only;
    /// messages only with `[status] showMessages`). `base` is the node's URL as the client
    /// addressed it, for the feed's links.
    package func feed(base: String) throws -> String {
        let now = now()
        let (rows, _) = try publicChecks(tag: nil)
        let names = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.name) })
        let flips = try store.flips(checkIDs: rows.map(\.id), since: now - Int64(Self.barDays) * 86_400_000, limit: Self.maxPublicIncidents * 2)
        let incidents = Incident.pair(flips).prefix(Self.maxPublicIncidents)
        let safe = WebFormat.xmlSafe
        let entries = incidents.map { incident in
            let name = safe(names[incident.checkID] ?? "check")
            let title = incident.end == nil ? "\(name) is down" : "\(name) was down for \(WebFormat.duration(incident.duration(now: now)))"
            var summary = "Down from \(format.time(incident.start))" + (incident.end.map { " to \(format.time($0))." } ?? ", still down.")
            if settings.showMessages && !incident.down.message.isEmpty { summary += " " + safe(incident.down.message) }
            return WebView.Feed.Entry(
                title: title, id: "urn:bearmon:incident:" + safe(incident.down.flipID), published: WebFormat.rfc3339(incident.start),
                updated: WebFormat.rfc3339(max(incident.up?.time ?? incident.down.time, incident.down.time)), base: base, summary: summary
            )
        }
        let updated = entries.map(\.updated).max() ?? WebFormat.rfc3339(0)
        return render(WebView.Feed(title: safe(settings.title), id: "urn:bearmon:status", updated: updated, base: base, entries: Array(entries)), "feed")
    }
}
