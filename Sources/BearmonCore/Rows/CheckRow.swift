/// A `checks` row as stored. Fields that gobearmon's schema allows to be odd (a NULL status,
/// an enum value MySQL stored as '') are kept raw, so that one poison row can be reported
/// and skipped instead of stopping the whole load.
package struct CheckRow: Sendable, Equatable {
    /// The longest interval a check may have: a year. Longer ones are surely a mistake, and
    /// the scheduler's millisecond arithmetic stays far from overflow.
    package static let maxIntervalSeconds: Int64 = 366 * 86_400
    /// The largest delay, in rounds.
    package static let maxDelay: Int64 = 10_000

    /// `checks.id`.
    package let id: Int64
    /// `checks.name`.
    package let name: String
    /// `checks.type`.
    package let type: String
    /// `checks.data`, JSON as the type expects.
    package let data: String
    /// `checks.check_interval` in seconds.
    package let interval: Int64
    /// `checks.delay`, in rounds.
    package let delay: Int64
    /// `checks.status` as stored: "online", "offline", or anything else (poison).
    package let status: String?
    /// `checks.enabled`.
    package let enabled: Bool

    /// Creates a row.
    package init(id: Int64, name: String, type: String, data: String, interval: Int64, delay: Int64, status: String?, enabled: Bool) {
        self.id = id
        self.name = name
        self.type = type
        self.data = data
        self.interval = interval
        self.delay = delay
        self.status = status
        self.enabled = enabled
    }
}

/// A check to add.
package struct NewCheck: Sendable, Equatable {
    /// Name, at most 64 characters.
    package var name: String
    /// Type, at most 16 bytes.
    package var type: String
    /// JSON data, at most 1024 characters.
    package var data: String
    /// Seconds between runs.
    package var interval: Int64
    /// Extra rounds a new state must hold before it flips.
    package var delay: Int64
    /// Whether it runs.
    package var enabled: Bool

    /// Describes a check; defaults are gobearmon's.
    package init(name: String, type: String, data: String, interval: Int64 = 60, delay: Int64 = 1, enabled: Bool = true) {
        self.name = name
        self.type = type
        self.data = data
        self.interval = interval
        self.delay = delay
        self.enabled = enabled
    }
}
