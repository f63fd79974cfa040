/// A stored silence: an ad hoc hold over a check or a tag until it expires. Expired and
/// removed silences are kept for history.
package struct SilenceRow: Sendable, Equatable {
    /// The longest a silence may last.
    package static let longest = Duration.seconds(90 * 86_400)

    /// Row id.
    package let id: Int64
    /// A check or a tag.
    package let scope: HoldScope
    /// Unix ms.
    package let startsAt: Int64
    /// Unix ms; the silence covers `startsAt..<expiresAt`.
    package let expiresAt: Int64
    /// Why, for people.
    package let comment: String
    /// The token's name or the local user that made it.
    package let createdBy: String
    /// Unix ms.
    package let createdAt: Int64
    /// When it was removed early, unix ms; nil while it runs its course.
    package let endedAt: Int64?

    /// A value from its parts.
    package init(id: Int64, scope: HoldScope, startsAt: Int64, expiresAt: Int64, comment: String, createdBy: String, createdAt: Int64, endedAt: Int64? = nil) {
        self.id = id
        self.scope = scope
        self.startsAt = startsAt
        self.expiresAt = expiresAt
        self.comment = comment
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.endedAt = endedAt
    }

    /// Whether it is in force at `instant`.
    package func isActive(at instant: Int64) -> Bool {
        startsAt <= instant && instant < min(expiresAt, endedAt ?? Int64.max)
    }
}
