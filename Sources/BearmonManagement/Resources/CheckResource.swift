package import BearmonCore

/// A check as the API, the CLI and config as code show it: gobearmon's columns, with `data`
/// parsed and every secret masked, plus bearmon's tags and public flag.
package struct CheckResource: Sendable, Equatable, Codable {
    /// `checks.id`.
    package var id: Int64
    /// The name (not unique in gobearmon's schema; config as code needs it to be).
    package var name: String
    /// The check type, such as http.
    package var type: String
    /// The type's parameters, secrets masked (an object; a string only for a stored value that is not JSON).
    package var data: JSONValue
    /// Seconds between runs.
    package var interval: Int64
    /// Extra rounds a new state must hold before it flips.
    package var delay: Int64
    /// Whether it runs.
    package var enabled: Bool
    /// `checks.status` as stored: online, offline, or null.
    package var status: String?
    /// Tags, sorted.
    package var tags: [String]
    /// Whether the public status page shows it.
    package var `public`: Bool
    /// The checks it depends on (issue 22), sorted: while one is offline, this check's
    /// offline is suppressed and it shows as unreachable.
    package var dependsOn: [Int64] = []
    /// The maintenance window it is in now (an overlay worked out when shown; `status` keeps its value).
    package var maintenance: CheckOverlay.Maintenance?
    /// The silence it is under now (an overlay, as `maintenance`).
    package var silence: CheckOverlay.Silence?
    /// How many of its notifications are held; nil for none.
    package var held: Int?
    /// The offline parent that makes it unreachable now (an overlay, as `maintenance`).
    package var unreachable: CheckOverlay.Unreachable?
    /// Its flapping now (an overlay, as `maintenance`).
    package var flapping: CheckOverlay.Flapping?
    /// The nodes it is pinned to (only they run it), sorted; nil when any worker may.
    package var nodes: [String]?
    /// Its outage's acknowledgement now (an overlay, as `maintenance`; issue 23).
    package var acknowledged: CheckOverlay.Acknowledged?
    /// The fields bearmon works out when it shows a check: a patch may send them back, and they are ignored.
    package static let derivedFields = ["maintenance", "silence", "held", "unreachable", "flapping", "acknowledged"]

    /// A value from its parts.
    package init(id: Int64, name: String, type: String, data: JSONValue, interval: Int64, delay: Int64, enabled: Bool,
                 status: String?, tags: [String], public isPublic: Bool) {
        self.id = id
        self.name = name
        self.type = type
        self.data = data
        self.interval = interval
        self.delay = delay
        self.enabled = enabled
        self.status = status
        self.tags = tags
        self.public = isPublic
    }

    /// Shows what holds the check's notifications now, and how many are held.
    package mutating func show(_ overlay: CheckOverlay?, held: Int?) {
        maintenance = overlay?.maintenance
        silence = overlay?.silence
        unreachable = overlay?.unreachable
        flapping = overlay?.flapping
        acknowledged = overlay?.acknowledged
        self.held = held
    }
}
