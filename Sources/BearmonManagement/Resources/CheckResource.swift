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
}
