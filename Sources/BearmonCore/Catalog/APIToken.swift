/// What an API token may do: read, or read and write.
package enum TokenScope: String, Sendable, Codable, CaseIterable {
    /// GET and HEAD requests.
    case read
    /// Every request.
    case write

    /// Whether a token of this scope may do what `needed` allows.
    package func covers(_ needed: TokenScope) -> Bool { self == .write || needed == .read }
}

/// An `api_tokens` row, without the hash: what listings show.
package struct APITokenRow: Sendable, Equatable {
    /// `api_tokens.id`.
    package let id: Int64
    /// A unique name, such as "ci".
    package let name: String
    /// What it may do.
    package let scope: TokenScope
    /// When it was made, unix ms.
    package let createdAt: Int64
    /// When it last authorised a request, unix ms (updated at most once a minute), or nil.
    package let lastUsedAt: Int64?

    /// A row from its parts.
    package init(id: Int64, name: String, scope: TokenScope, createdAt: Int64, lastUsedAt: Int64?) {
        self.id = id
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}
