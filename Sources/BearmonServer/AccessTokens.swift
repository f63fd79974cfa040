package import BearmonCore

/// Where the access rule (``AccessPolicy``) looks tokens up: the store's `api_tokens`, through
/// `TokenBook` in BearmonManagement (wired by BearmonRoles), so that the server does not
/// depend on the store. Every method may block on the store; a thrown error means the store
/// could not answer (the request is answered 503, never let through).
package protocol AccessTokens: Sendable {
    /// The token whose secret is `bearer` (as sent after `Bearer `), or nil when no such
    /// token exists (never made, mistyped, or revoked). Records the use.
    func token(bearer: String) async throws -> APITokenRow?
    /// The token `id`, or nil when it was revoked: a session cookie names its token by id.
    /// Records the use.
    func token(id: Int64) async throws -> APITokenRow?
    /// The key session cookies are signed with: the same on every node sharing the database,
    /// so a cookie one node set works on all of them.
    func sessionKey() async throws -> [UInt8]
}
