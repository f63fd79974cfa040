/// What an alert adds to gobearmon's link (issue 23), stored in `alert_options`.
package struct AlertOptions: Sendable, Equatable, Codable {
    /// The longest `after` or `repeat`: 30 days, in ms.
    package static let longest: Int64 = 30 * 86_400_000

    /// Milliseconds after an offline flip before this contact is told (0: at once).
    package var afterMilliseconds: Int64
    /// Milliseconds between "still offline" reminders (0: none).
    package var repeatMilliseconds: Int64
    /// The contact that stands in when delivery to this one fails, if any.
    package var fallbackContactID: Int64?

    /// A value from its parts; nothing special by default.
    package init(afterMilliseconds: Int64 = 0, repeatMilliseconds: Int64 = 0, fallbackContactID: Int64? = nil) {
        self.afterMilliseconds = afterMilliseconds
        self.repeatMilliseconds = repeatMilliseconds
        self.fallbackContactID = fallbackContactID
    }

    /// Whether it is the plain gobearmon alert.
    package var isPlain: Bool { self == AlertOptions() }
}
