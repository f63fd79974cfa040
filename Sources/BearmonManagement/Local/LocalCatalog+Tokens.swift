package import BearmonCore

extension LocalCatalog {
    private static let tokenFields = ["name", "scope"]

    /// A page of tokens.
    package func listTokens(_ request: PageRequest) throws(CatalogError) -> Page<TokenResource> {
        let tokens = try stored { try store.tokens() }
        let (items, next) = try page(tokens, list: "tokens", id: \.id, request)
        return Page(items: items.map { TokenResource($0) }, next: next)
    }

    /// One token's listing.
    package func token(_ id: Int64) throws(CatalogError) -> TokenResource {
        TokenResource(try tokenRow(id))
    }

    /// Makes a token; only its hash is stored, and the answer is the one place it appears.
    package func createToken(_ body: JSONValue) throws(CatalogError) -> TokenResource {
        let reader = try BodyReader(body, what: "token", known: Self.tokenFields)
        let name = try reader.requiredString("name")
        try NameRules.checkName(name, field: "token name")
        guard let scope = try Self.scope(reader) else { throw CatalogError(.invalid, "the token needs \"scope\": read or write") }
        let secret = TokenSecret.generate()
        let id = try stored { try store.addToken(name: name, scope: scope, sha256: TokenSecret.sha256Hex(secret), now: now()) }
        return TokenResource(try tokenRow(id), token: secret)
    }

    /// Renames a token or changes its scope: revoke and re-create instead when it leaked.
    package func updateToken(_ id: Int64, patch: JSONValue) throws(CatalogError) -> TokenResource {
        let current = try token(id)
        let reader = try Self.patched(current, with: patch, what: "token", known: Self.tokenFields, readOnly: ["id", "created_at", "last_used_at"])
        let name = try reader.requiredString("name")
        try NameRules.checkName(name, field: "token name")
        guard let scope = try Self.scope(reader) else { throw CatalogError(.invalid, "token scope must be read or write") }
        try stored { try store.updateToken(id, name: name, scope: scope) }
        return try token(id)
    }

    /// Revokes a token.
    package func deleteToken(_ id: Int64) throws(CatalogError) {
        try requirePositive(id, "token")
        try stored { try store.removeToken(id) }
    }

    private func tokenRow(_ id: Int64) throws(CatalogError) -> APITokenRow {
        try requirePositive(id, "token")
        guard let row = try stored({ try store.tokens().first { $0.id == id } }) else { throw CatalogError(.notFound, "token \(id) does not exist") }
        return row
    }

    private static func scope(_ reader: BodyReader) throws(CatalogError) -> TokenScope? {
        guard let word = try reader.string("scope") else { return nil }
        guard let scope = TokenScope(rawValue: word) else { throw CatalogError(.invalid, "token scope must be read or write, got \"\(BodyReader.printable(word))\"") }
        return scope
    }
}
