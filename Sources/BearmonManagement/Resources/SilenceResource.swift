package import BearmonCore

/// A silence as the API and the CLI show it: its scope (`check_id` or `tag`), when it started
/// and expires (unix ms), when it was ended early, who made it, and whether it is in force.
package struct SilenceResource: Sendable, Equatable, Codable {
    /// `silences.id`.
    package var id: Int64
    /// The check it covers, or nil.
    package var checkID: Int64?
    /// The tag whose checks it covers, or nil.
    package var tag: String?
    /// When it began, unix ms.
    package var startsAt: Int64
    /// When it expires, unix ms.
    package var expiresAt: Int64
    /// When it was ended early, unix ms, or nil.
    package var endedAt: Int64?
    /// Why, for people.
    package var comment: String
    /// The token's name, or `local:USER`, that made it.
    package var createdBy: String
    /// When it was made, unix ms.
    package var createdAt: Int64
    /// Whether it is in force now.
    package var active: Bool

    /// The resource of a stored silence, judged at `now` (unix ms).
    package init(_ row: SilenceRow, now: Int64) {
        id = row.id
        switch row.scope {
        case .check(let check): checkID = check
        case .tag(let text): tag = text
        case .all: break
        }
        startsAt = row.startsAt
        expiresAt = row.expiresAt
        endedAt = row.endedAt
        comment = row.comment
        createdBy = row.createdBy
        createdAt = row.createdAt
        active = row.isActive(at: now)
    }

    enum CodingKeys: String, CodingKey {
        case id, tag, comment, active
        case checkID = "check_id"
        case startsAt = "starts_at"
        case expiresAt = "expires_at"
        case endedAt = "ended_at"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    /// "check 7" or "tag db".
    package var scopeLabel: String { checkID.map { "check \($0)" } ?? "tag \(tag ?? "")" }
}
