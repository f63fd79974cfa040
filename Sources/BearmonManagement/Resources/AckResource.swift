package import BearmonCore

/// An acknowledgement as the API shows it (issue 23).
package struct AckResource: Sendable, Equatable, Codable {
    /// `check_acks.id`.
    package var id: Int64
    /// The check.
    package var checkID: Int64
    /// The outage's flip.
    package var flipID: String
    /// The token's name or `local:USER`.
    package var by: String
    /// Why, for people.
    package var comment: String
    /// When it expires (RFC 3339), nil for the whole outage.
    package var until: String?
    /// When it was made (RFC 3339).
    package var createdAt: String

    /// The resource for a stored row.
    package init(_ row: AckRow) {
        id = row.id
        checkID = row.checkID
        flipID = row.flipID
        by = row.by
        comment = row.comment
        until = row.until.map(HoldFields.text)
        createdAt = HoldFields.text(row.createdAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, by, comment, until
        case checkID = "check_id"
        case flipID = "flip_id"
        case createdAt = "created_at"
    }
}
