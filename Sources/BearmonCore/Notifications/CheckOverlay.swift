/// What holds a check's notifications right now, shown beside its status by `bearmon status`,
/// `/v1/checks` and the API's check resource. It is worked out from the hold calendar and the
/// check's tags each time it is shown, never stored: `checks.status` keeps gobearmon's values.
/// Keys are single words so that the wire's snake_case and the API's plain keys agree.
package struct CheckOverlay: Codable, Sendable, Equatable {
    /// The maintenance window a check is in.
    package struct Maintenance: Codable, Sendable, Equatable {
        /// The window's id.
        package var id: Int64
        /// Its name ("" when it has none).
        package var name: String
        /// When the current span ends, unix ms.
        package var until: Int64

        /// A value from its parts.
        package init(id: Int64, name: String, until: Int64) {
            self.id = id
            self.name = name
            self.until = until
        }
    }

    /// The silence a check is under.
    package struct Silence: Codable, Sendable, Equatable {
        /// The silence's id.
        package var id: Int64
        /// When it expires, unix ms.
        package var until: Int64
        /// Why, as its creator wrote it.
        package var comment: String
        /// The token's name or the local user that made it.
        package var creator: String

        /// A value from its parts.
        package init(id: Int64, until: Int64, comment: String, creator: String) {
            self.id = id
            self.until = until
            self.comment = comment
            self.creator = creator
        }
    }

    /// A parent that is offline, so the check is unreachable rather than down (issue 22).
    package struct Unreachable: Codable, Sendable, Equatable {
        /// The parent's id.
        package var parent: Int64
        /// The parent's name.
        package var name: String
        /// Since when, unix ms.
        package var since: Int64

        /// A value from its parts.
        package init(parent: Int64, name: String, since: Int64) {
            self.parent = parent
            self.name = name
            self.since = since
        }
    }

    /// A check that is flapping (issue 22).
    package struct Flapping: Codable, Sendable, Equatable {
        /// Since when, unix ms.
        package var since: Int64
        /// The weighted share of changes over its last 20 transitions, 0…1.18.
        package var share: Double

        /// A value from its parts.
        package init(since: Int64, share: Double) {
            self.since = since
            self.share = share
        }
    }

    /// An acknowledgement of the check's outage (issue 23).
    package struct Acknowledged: Codable, Sendable, Equatable {
        /// The token's name or `local:USER`.
        package var by: String
        /// Why, for people.
        package var comment: String
        /// When it expires, unix ms; nil until the check recovers.
        package var until: Int64?

        /// A value from its parts.
        package init(by: String, comment: String, until: Int64?) {
            self.by = by
            self.comment = comment
            self.until = until
        }
    }

    /// The window in force, if any.
    package var maintenance: Maintenance?
    /// The silence in force, if any.
    package var silence: Silence?
    /// The offline parent, if the check is unreachable.
    package var unreachable: Unreachable?
    /// Its flapping, if it flaps.
    package var flapping: Flapping?
    /// Its outage's acknowledgement, if any.
    package var acknowledged: Acknowledged?

    /// A value from its parts.
    package init(maintenance: Maintenance? = nil, silence: Silence? = nil, unreachable: Unreachable? = nil, flapping: Flapping? = nil, acknowledged: Acknowledged? = nil) {
        self.acknowledged = acknowledged
        self.maintenance = maintenance
        self.silence = silence
        self.unreachable = unreachable
        self.flapping = flapping
    }

    /// Whether nothing is shown.
    package var isEmpty: Bool { maintenance == nil && silence == nil && unreachable == nil && flapping == nil && acknowledged == nil }

    /// "in maintenance 3 (db upgrade) until T; silenced by 2 until T (ops: noisy)", with `time`
    /// formatting unix ms; "" when neither holds.
    package func text(time: (Int64) -> String) -> String {
        var parts: [String] = []
        if let maintenance {
            let name = maintenance.name.isEmpty ? "" : " (\(maintenance.name))"
            parts.append("in maintenance \(maintenance.id)\(name) until \(time(maintenance.until))")
        }
        if let silence {
            let why = silence.comment.isEmpty ? "" : ": \(silence.comment)"
            parts.append("silenced by \(silence.id) until \(time(silence.until)) (\(silence.creator)\(why))")
        }
        return parts.joined(separator: "; ")
    }

    /// "unreachable (parent 3 (router) offline since T); flapping (45% changes) since T", or "".
    package func alertingText(time: (Int64) -> String) -> String {
        var parts: [String] = []
        if let unreachable {
            parts.append("unreachable (parent \(DependencyRule.label(unreachable.parent, unreachable.name)) offline since \(time(unreachable.since)))")
        }
        if let flapping {
            parts.append("flapping (\(FlappingRule.percent(flapping.share)) weighted changes) since \(time(flapping.since))")
        }
        if let acknowledged {
            let why = acknowledged.comment.isEmpty ? "" : ": \(acknowledged.comment)"
            parts.append("acknowledged by \(acknowledged.by)\(why) until \(acknowledged.until.map(time) ?? "it recovers")")
        }
        return parts.joined(separator: "; ")
    }
}

extension CheckOverlay {
    /// The lines `bearmon status` and `checks list` print under their table for check `id`:
    /// what holds it until when, and how many of its notifications are held.
    package static func lines(check id: Int64, maintenance: Maintenance?, silence: Silence?, unreachable: Unreachable? = nil, flapping: Flapping? = nil,
                              acknowledged: Acknowledged? = nil, held: Int?, time: (Int64) -> String) -> [String] {
        var lines: [String] = []
        let overlay = CheckOverlay(maintenance: maintenance, silence: silence).text(time: time)
        if !overlay.isEmpty { lines.append("check \(id) is \(overlay); its notifications are held") }
        let alerting = CheckOverlay(unreachable: unreachable, flapping: flapping, acknowledged: acknowledged).alertingText(time: time)
        if !alerting.isEmpty { lines.append("check \(id) is \(alerting)") }
        if let held, held > 0 { lines.append("check \(id) has \(held) held notification(s)") }
        return lines
    }
}

extension HoldCalendar {
    /// The window and the silence that cover the check `checkID` with `tags` at `instant`, or
    /// nil when neither does.
    package func overlay(checkID: Int64, tags: [String], at instant: Int64) -> CheckOverlay? {
        let window = maintenance(checkID: checkID, tags: tags, at: instant)
        let silence = silence(checkID: checkID, tags: tags, at: instant)
        guard window != nil || silence != nil else { return nil }
        return CheckOverlay(
            maintenance: window.map { CheckOverlay.Maintenance(id: $0.row.id, name: $0.row.name, until: $0.span.end) },
            silence: silence.map { CheckOverlay.Silence(id: $0.id, until: min($0.expiresAt, $0.endedAt ?? .max), comment: $0.comment, creator: $0.createdBy) }
        )
    }
}
