package import BearmonConfig
package import BearmonCore
import BearmonPlugins
import Foundation

/// How a controller runs: its node name, the state machine's knobs, and its timings.
package struct ControllerSettings: Sendable {
    /// This node's name, recorded with each result.
    package var node: String
    /// The state machine's knobs.
    package var scheduler: SchedulerSettings
    /// How often checks, contacts and alerts are reloaded from the store.
    package var reloadInterval: Duration = .seconds(2)
    /// How often buffered results are written to the history table.
    package var historyFlushInterval: Duration = .seconds(1)
    /// How long results are kept (`[store] retention`, default 7 days).
    package var retention: Duration = .seconds(7 * 24 * 3_600)
    /// The longest a worker's request for work is held open.
    package var longPoll = Self.defaultLongPoll
    /// ``longPoll`` unless set: also how long a worker asks to wait.
    package static let defaultLongPoll: Duration = .seconds(20)
    /// Results buffered for the history table before the oldest are dropped.
    package var historyBufferLimit = 200_000
    /// `[alerting] maxFlipWait`: how long a decided flip may wait to be written before alerting's
    /// self-check (`bearmon.alerting`, `/healthz`) reports ERROR.
    package var maxFlipWait: Duration = .seconds(30)
    /// `[alerting] maxNotifyWait`: how long a due notification may wait for its first attempt
    /// before alerting's self-check reports ERROR.
    package var maxNotifyWait: Duration = .seconds(60)
    /// How long a check held behind a flip the store refuses waits before that flip is tried again.
    package var heldFlipRetry: Duration = .seconds(30)
    /// `[status] timezone` (default UTC): where uptime's days are cut.
    package var days = DayCalendar.utc
    /// `[store] historyRetention` (default 400 days): how long daily aggregates are kept.
    package var historyRetention: Duration = .seconds(400 * 86_400)
    /// `[notify] maxPerHour` and `[twilio] maxPerHour`.
    package var budget = NotificationBudget()
    /// `[notify] fallbackAfter` (default 10 min): how long a delivery may keep failing before
    /// the alert's fallback contact hears it too (see ``RetryPolicy/fallbackAfter``).
    package var fallbackAfter: Duration = .seconds(600)
    /// `[notify] publicURL` (default unset): where people reach this cluster's pages; with it,
    /// offline notifications carry a signed single-use acknowledge link under it.
    package var publicURL: String?
    /// `[alerting] flapping` (default 0, off): the weighted share of changes over a check's last
    /// 20 transitions above which it is flapping (issue 22; Icinga uses 0.3).
    package var flapping = 0.0
    /// How often held notifications are looked at for release.
    package var releaseInterval: Duration = .seconds(1)
    /// For tests of fencing and of alerting's self-check only (``NodeHooks/flipWriteDelay``):
    /// each run of the flip writer waits this long first.
    package var flipWriteDelay: Duration?

    /// Settings with defaults for everything but the node and confirmations.
    package init(node: String, confirmations: Int) {
        self.node = node
        scheduler = SchedulerSettings(confirmations: confirmations)
    }

    /// The controller's keys in `config`: `[controller] confirmations`, `[store] retention`,
    /// `[alerting] maxFlipWait`, `maxNotifyWait` and `flapping`; the rest keep their defaults.
    package static func from(_ config: Config, node: String, standalone: Bool) throws(ConfigError) -> ControllerSettings {
        var settings = ControllerSettings(node: node, confirmations: try confirmations(from: config, standalone: standalone))
        if let retention = try config.duration("store", "retention") { settings.retention = retention }
        if let retention = try config.duration("store", "historyRetention") {
            guard retention >= .seconds(86_400) else { throw config.error("store", "historyRetention", "must be at least 1d, got \(retention)") }
            settings.historyRetention = retention
        }
        if let zone = config.string("status", "timezone") {
            guard let days = DayCalendar(identifier: zone) else {
                throw config.error("status", "timezone", "unknown time zone '\(zone.prefix(64))'; use an IANA identifier such as UTC or Europe/Berlin")
            }
            settings.days = days
        }
        try settings.readAlerting(from: config)
        settings.budget = try budget(from: config)
        if let after = try config.duration("notify", "fallbackAfter") {
            guard after >= .seconds(1), after <= .seconds(86_400) else {
                throw config.error("notify", "fallbackAfter", "must be 1s to 24h (retries end after 24 h), got \(after)")
            }
            settings.fallbackAfter = after
        }
        settings.publicURL = try publicURL(from: config)
        return settings
    }

    /// `[controller] confirmations`, defaulting to 1 for a standalone node and 2 in a
    /// cluster (gobearmon had no default; one confirmer in a cluster defeats its purpose).
    private static func confirmations(from config: Config, standalone: Bool) throws(ConfigError) -> Int {
        let value = try config.int("controller", "confirmations") ?? (standalone ? 1 : 2)
        guard value >= 1 else { throw config.error("controller", "confirmations", "must be at least 1") }
        return value
    }

    /// `[notify] publicURL`: an http(s) URL with a host and no credentials, query or
    /// fragment, at most 512 bytes; a path is kept (a reverse proxy's prefix).
    private static func publicURL(from config: Config) throws(ConfigError) -> String? {
        guard let text = config.string("notify", "publicURL")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let example = "such as https://bearmon.example.net or https://example.net/bearmon"
        guard text.utf8.count <= 512, text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }),
              let url = URLComponents(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host, !host.isEmpty else {
            throw config.error("notify", "publicURL", "must be an http or https URL people can open, \(example); got '\(text.prefix(64))'")
        }
        guard url.user == nil, url.password == nil, url.query == nil, url.fragment == nil else {
            throw config.error("notify", "publicURL", "must not carry a user, password, query or fragment: links are made under it, \(example)")
        }
        return text
    }

    /// `[notify] maxPerHour` (default 0, unlimited) and `[twilio] maxPerHour` (default 20)
    /// for sms and voice contacts; 0 to 100,000.
    private static func budget(from config: Config) throws(ConfigError) -> NotificationBudget {
        var budget = NotificationBudget()
        for (section, keyPath) in [("notify", \NotificationBudget.perHour), ("twilio", \.twilioPerHour)] {
            guard let value = try config.int(section, "maxPerHour") else { continue }
            guard (0...100_000).contains(value) else {
                throw config.error(section, "maxPerHour", "must be 0 (no limit) to 100000 notifications per contact per hour, got \(value)")
            }
            budget[keyPath: keyPath] = value
        }
        return budget
    }

    /// Reads `[alerting] maxFlipWait` and `maxNotifyWait` ("30s", "2m" or seconds), and
    /// `flapping` (a ratio 0…1), into these settings.
    private mutating func readAlerting(from config: Config) throws(ConfigError) {
        for (key, keyPath) in [("maxFlipWait", \ControllerSettings.maxFlipWait), ("maxNotifyWait", \.maxNotifyWait)] {
            guard let value = try config.duration("alerting", key) else { continue }
            guard value >= .seconds(1) else { throw config.error("alerting", key, "must be at least 1s") }
            self[keyPath: keyPath] = value
        }
        if let text = config.string("alerting", "flapping") {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, (0...1).contains(value) else {
                throw config.error("alerting", "flapping", "must be a ratio from 0 (off) to 1, such as 0.3 (Icinga's), got '\(text.prefix(64))'")
            }
            flapping = value
        }
    }
}
