package import BearmonConfig
package import BearmonCore
package import BearmonManagement
package import BearmonStore
import Mustache

/// The web pages of a node with a store: the dashboard (`/`), a check's page (`/checks/{id}`),
/// the public status page (`/status`, `/status/{tag}`) and its Atom feed. Every method blocks
/// on the store: call them off the event loop (``WebRoutes`` does). What they show is read
/// through masked data only (``LocalCatalog``) and results' messages, which plugins mask.
package struct WebPages: Sendable {
    /// Checks per dashboard page.
    package static let pageSize = 50
    /// Days of daily bars.
    static let barDays = 90
    /// Hours of hourly bars.
    static let barHours = 24

    let store: any Store
    let catalog: LocalCatalog
    let days: DayCalendar
    let settings: StatusPageSettings
    let now: @Sendable () -> Int64
    let format: WebFormat

    /// Pages over `catalog`'s store, days cut in `days` (`[status] timezone`), `[status]`'s
    /// title, footer and showMessages from `settings`.
    package init(catalog: LocalCatalog, days: DayCalendar, settings: StatusPageSettings, now: @escaping @Sendable () -> Int64 = LocalCatalog.wallClock) {
        self.store = catalog.store
        self.catalog = catalog
        self.days = days
        self.settings = settings
        self.now = now
        format = WebFormat(zone: days.identifier)
    }

    /// `model` rendered with the template `name`.
    func render(_ model: Any, _ name: String) -> String {
        WebTemplates.library.render(model, withTemplate: name) ?? ""
    }

    /// A short page saying `text` (a missing check, a tag without public checks).
    package func message(_ text: String, title: String, guarded: Bool) -> String {
        render(WebView.Message(frame: frame(title: title, guarded: guarded, refresh: false), text: text), "message")
    }

    /// The frame of a page: its title, heading, footer, and whether it refreshes.
    func frame(title: String, guarded: Bool, refresh: Bool = true, feed: Bool = false) -> WebView.Frame {
        WebView.Frame(title: title, heading: title, css: WebAssets.css, script: WebAssets.script, refresh: refresh, guarded: guarded, feed: feed,
                      footer: settings.footer.isEmpty ? nil : settings.footer)
    }

    /// The current hour's start (unix ms) and today's local day at `now`.
    func clock(_ now: Int64) -> (hour: Int64, day: Int64) {
        (now - now % ResultRollup.hourMs, days.day(of: now))
    }

    /// Daily and hourly bars of `checkIDs`, one query each for all of them.
    func bars(_ checkIDs: [Int64], now: Int64, hours: Bool) throws -> [Int64: WebView.Bars] {
        let (hour, today) = clock(now)
        let daily = try store.dailyAggregates(checkIDs: checkIDs, from: today - Int64(Self.barDays) + 1, to: today)
        let hourly = hours ? try store.hourlyAggregates(checkIDs: checkIDs, from: hour - Int64(Self.barHours - 1) * ResultRollup.hourMs, to: hour + ResultRollup.hourMs) : [:]
        var bars: [Int64: WebView.Bars] = [:]
        for id in checkIDs {
            let dayShades = UptimeBars.days(daily[id] ?? [], lastDay: today, count: Self.barDays)
            let hourShades = UptimeBars.hours(hourly[id] ?? [], lastHour: hour, count: Self.barHours)
            bars[id] = WebView.Bars(
                days: UptimeBars.svg(dayShades, width: 2, label: UptimeBars.label(dayShades, unit: "days")),
                hours: hours ? UptimeBars.svg(hourShades, width: 3, label: UptimeBars.label(hourShades, unit: "hours")) : nil,
                ratio: (daily[id] ?? []).map(\.aggregate).onlineRatio,
                hourly: hourly[id] ?? []
            )
        }
        return bars
    }

    /// The lines an overlay shows: maintenance and silence with their ends, held notifications.
    func overlayLines(_ overlay: CheckOverlay?, held: Int?) -> [String] {
        var lines: [String] = []
        if let maintenance = overlay?.maintenance { lines.append("In maintenance (\(maintenance.name)) until \(format.time(maintenance.until))") }
        if let silence = overlay?.silence { lines.append("Silenced until \(format.time(silence.until))" + (silence.comment.isEmpty ? "" : ": \(silence.comment)")) }
        if let unreachable = overlay?.unreachable {
            lines.append("Unreachable: parent \(DependencyRule.label(unreachable.parent, unreachable.name)) offline since \(format.time(unreachable.since))")
        }
        if let flapping = overlay?.flapping {
            lines.append("Flapping since \(format.time(flapping.since)) (\(FlappingRule.percent(flapping.share)) weighted changes); its flips are held")
        }
        if let acknowledged = overlay?.acknowledged {
            lines.append("Acknowledged by \(acknowledged.by) until \(acknowledged.until.map(format.time) ?? "it recovers")" + (acknowledged.comment.isEmpty ? "" : ": \(acknowledged.comment)"))
        }
        if let held, held > 0 { lines.append("\(held) notification(s) held") }
        return lines
    }

    /// How a check's state is shown: its class and its words.
    static func state(status: String?, enabled: Bool, maintenance: Bool = false) -> (state: String, label: String) {
        if !enabled { return ("disabled", "disabled") }
        if maintenance && status != "online" { return ("maintenance", "maintenance") }
        switch status {
        case "online": return ("online", "online")
        case "offline": return ("offline", "offline")
        default: return ("unknown", "unknown")
        }
    }
}
