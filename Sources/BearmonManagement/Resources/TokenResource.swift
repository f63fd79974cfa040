package import BearmonCore

/// An API token as listings show it: never the token itself, which is printed once at creation.
package struct TokenResource: Sendable, Equatable, Codable {
    /// `api_tokens.id`.
    package var id: Int64
    /// Its unique name.
    package var name: String
    /// read or write.
    package var scope: TokenScope
    /// When it was made, unix ms.
    package var createdAt: Int64
    /// When it last authorised a request, unix ms (kept to the minute), or nil.
    package var lastUsedAt: Int64?
    /// The token itself: only in the answer that created it.
    package var token: String?

    /// A listing from a stored row.
    package init(_ row: APITokenRow, token: String? = nil) {
        id = row.id
        name = row.name
        scope = row.scope
        createdAt = row.createdAt
        lastUsedAt = row.lastUsedAt
        self.token = token
    }

    enum CodingKeys: String, CodingKey {
        case id, name, scope, token
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
    }
}
