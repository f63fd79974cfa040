/// An acknowledgement of an outage (issue 23): it stops escalations and reminders until the
/// check recovers or `until` passes.
package struct AckRow: Sendable, Equatable {
    /// Row id.
    package let id: Int64
    /// `checks.id`.
    package let checkID: Int64
    /// The offline flip it covers.
    package let flipID: String
    /// The token's name or `local:USER`.
    package let by: String
    /// Why, for people.
    package let comment: String
    /// Unix ms it expires at, nil for the whole outage.
    package let until: Int64?
    /// Unix ms.
    package let createdAt: Int64
    /// Unix ms it was cleared (recovery, by hand), nil while in force.
    package let clearedAt: Int64?

    /// A value from its parts.
    package init(id: Int64, checkID: Int64, flipID: String, by: String, comment: String, until: Int64?, createdAt: Int64, clearedAt: Int64?) {
        self.id = id
        self.checkID = checkID
        self.flipID = flipID
        self.by = by
        self.comment = comment
        self.until = until
        self.createdAt = createdAt
        self.clearedAt = clearedAt
    }
}
