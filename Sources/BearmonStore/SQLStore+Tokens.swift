package import BearmonCore

extension SQLStore {
    private static let tokenColumns = "id, name, scope, created_at, last_used_at"

    /// Every token, by id.
    package func tokens() throws -> [APITokenRow] {
        try database.query("SELECT \(Self.tokenColumns) FROM api_tokens ORDER BY id").compactMap(Self.token)
    }

    /// The token with this hash.
    package func token(sha256: String) throws -> APITokenRow? {
        try database.query("SELECT \(Self.tokenColumns) FROM api_tokens WHERE token_sha256 = ?", [.text(sha256)]).first.flatMap(Self.token)
    }

    /// Stores a token's hash under a unique name.
    package func addToken(name: String, scope: TokenScope, sha256: String, now: Int64) throws -> Int64 {
        try checkLength("token name", name, limit: 64)
        return try database.transaction { tx in
            if try !tx.query("SELECT id FROM api_tokens WHERE name = ?", [.text(name)]).isEmpty {
                throw StoreError.conflict("a token named \"\(name)\" exists; revoke it first or choose another name")
            }
            return try tx.execute("INSERT INTO api_tokens (name, scope, token_sha256, created_at) VALUES (?, ?, ?, ?)",
                                  [.text(name), .text(scope.rawValue), .text(sha256), .int(now)]).lastInsertID
        }
    }

    /// Renames a token or changes its scope.
    package func updateToken(_ id: Int64, name: String, scope: TokenScope) throws {
        try checkLength("token name", name, limit: 64)
        try database.transaction { tx in
            guard try !tx.query("SELECT id FROM api_tokens WHERE id = ?", [.int(id)]).isEmpty else { throw StoreError.notFound("token \(id)") }
            if let holder = try tx.query("SELECT id FROM api_tokens WHERE name = ?", [.text(name)]).first?.int(0), holder != id {
                throw StoreError.conflict("a token named \"\(name)\" exists (token \(holder)); choose another name")
            }
            try tx.execute("UPDATE api_tokens SET name = ?, scope = ? WHERE id = ?", [.text(name), .text(scope.rawValue), .int(id)])
        }
    }

    /// Deletes a token.
    package func removeToken(_ id: Int64) throws {
        guard try database.execute("DELETE FROM api_tokens WHERE id = ?", [.int(id)]).affectedRows > 0 else { throw StoreError.notFound("token \(id)") }
    }

    /// Records a use.
    package func touchToken(_ id: Int64, now: Int64) throws {
        try database.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [.int(now), .int(id)])
    }

    /// The shared secret `name`, stored by the first caller.
    package func sharedSecret(_ name: String, candidate: String) throws -> String {
        try database.transaction { tx in
            if let stored = try tx.query("SELECT value FROM shared_secrets WHERE name = ?" + forUpdate, [.text(name)]).first?.string(0) { return stored }
            try tx.execute("INSERT INTO shared_secrets (name, value, created_at) VALUES (?, ?, ?)", [.text(name), .text(candidate), .int(Self.nowMilliseconds())])
            return candidate
        }
    }

    /// A row, or nil for a scope this bearmon does not know (such a token authorises nothing).
    private static func token(_ row: SQLRow) -> APITokenRow? {
        guard let scope = TokenScope(rawValue: row.string(2)) else { return nil }
        return APITokenRow(id: row.int(0), name: row.string(1), scope: scope, createdAt: row.int(3), lastUsedAt: row[4].int)
    }
}
