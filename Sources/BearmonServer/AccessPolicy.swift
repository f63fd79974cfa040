package import BearmonCore
import BearmonWire
package import Foundation
package import Hummingbird
import HTTPTypes
package import Logging

/// The one access rule (README, "Access") for every HTTP surface a node serves to people and
/// services: a read (GET, HEAD) needs a read or write token unless reads are open
/// (`[api] openReads`); anything else is a write and needs a write token. A token is
/// `Authorization: Bearer TOKEN`, or the session cookie a browser got by signing in at
/// `/login` with one. When a request needs no token, a bearer token sent with it must still
/// be one that exists (its scope is not asked), and cookies are not looked at.
///
/// Refusals: 401 without a token or with one that is unknown, revoked, tampered or expired;
/// 403 with a read token on a write (and for a cookie sent with a write from another origin);
/// 503 when the store cannot say; 404 on a node without a store (the viewserver), which has
/// no tokens. Each refusal is logged with the peer and the reason, never the token.
package struct AccessPolicy: Sendable {
    /// Where tokens are looked up; nil on a node without a store.
    package let tokens: (any AccessTokens)?
    /// Whether reads need no token.
    package let openReads: Bool
    /// Whether the node serves over TLS: its session cookies are then `Secure`.
    package let secure: Bool
    let logger: Logger
    /// The clock, unix seconds (a test may stop it).
    let now: @Sendable () -> Int64

    /// A policy looking tokens up in `tokens`, with reads open or not.
    package init(tokens: (any AccessTokens)?, openReads: Bool, secure: Bool, logger: Logger,
                 now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.tokens = tokens
        self.openReads = openReads
        self.secure = secure
        self.logger = logger
        self.now = now
    }

    /// What a request may do: the scope its method needs.
    package static func needed(_ method: HTTPRequest.Method) -> TokenScope {
        method == .get || method == .head ? .read : .write
    }

    /// The longest `Authorization` value looked at: tokens are 46 characters, so anything
    /// much longer is refused without hashing or asking the store.
    static let maxAuthorizationLength = 256

    /// Lets `request` through, or throws the refusal. `alsoAllowed` is a check of the bearer
    /// token against one more secret (`[push] token` for pushes) that `setting` names; `open`
    /// says whether a request of this kind needs no token at all. Returns the API token that
    /// authorised it, or nil when none did (open, or the extra secret).
    @discardableResult
    package func admit(_ request: Request, context: NodeRequestContext, open: Bool, alsoAllowed: ExtraToken? = nil) async throws -> APITokenRow? {
        // Where no token is needed, one that is sent is still checked: a revoked or mistyped
        // token is refused rather than ignored, so that a script learns it stopped working
        // before reads close. Cookies are not: a stale session must not block an open page.
        if open, tokens == nil || request.headers[.authorization] == nil { return nil }
        guard let tokens else {
            throw refuse(.notFound, "this node has no store, so it has no API tokens and serves none of this; use a worker's address", request, context)
        }
        let needed = Self.needed(request.method)
        let bearer: String?
        do {
            bearer = try Self.bearer(request.headers[values: .authorization])
        } catch {
            throw refuse(.unauthorized, error.message, request, context)
        }
        if let bearer, let alsoAllowed, alsoAllowed.matches(bearer) { return nil }
        let holder: APITokenRow
        let byCookie: Bool
        do {
            if let bearer {
                guard let row = try await tokens.token(bearer: bearer) else {
                    throw refuse(.unauthorized, "the bearer token is not known: it was revoked or mistyped; create one with `bearmon tokens add --name NAME --scope \(needed.rawValue)`", request, context)
                }
                if open { return row }
                holder = row
                byCookie = false
            } else if let session = SessionCookie.find(in: request.headers[values: .cookie]) {
                guard let cookie = SessionCookie.verify(session, key: try await tokens.sessionKey(), now: now()),
                      let row = try await tokens.token(id: cookie.tokenID), row.createdAt == cookie.tokenCreatedAt else {
                    throw refuse(.unauthorized, "the session has ended (expired, signed out, its token revoked, or the cookie was altered); sign in again at /login", request, context)
                }
                holder = row
                byCookie = true
            } else {
                throw refuse(.unauthorized, "\(needed == .read ? "reading" : "changing") this needs a token: send `Authorization: Bearer TOKEN` with a \(needed == .read ? "read or write" : "write") token (`bearmon tokens add --name NAME --scope \(needed.rawValue)`), or sign in at /login", request, context)
            }
        } catch let refusal as NodeHTTPError {
            throw refusal
        } catch {
            // An open request needs no token: a store that cannot check the one sent does not stop it.
            if open { return nil }
            logger.error("could not check a token for \(request.method) \(request.uri.path) from \(context.peerDescription): \(error)")
            throw NodeHTTPError(.serviceUnavailable, "cannot check the token: the store is down: \(error)")
        }
        guard holder.scope.covers(needed) else {
            throw refuse(.forbidden, "token '\(holder.name)' has scope \(holder.scope.rawValue); \(request.method) needs a write token (`bearmon tokens add --name NAME --scope write`)", request, context)
        }
        if byCookie, needed == .write, let origin = Self.foreignOrigin(request) {
            throw refuse(.forbidden, "a session cookie is not accepted on a write from another origin (\(origin)); send `Authorization: Bearer TOKEN` instead", request, context)
        }
        return holder
    }

    /// The token after `Bearer ` (any case), nil when there is no `Authorization` header;
    /// throws for a header that cannot be a bearer token.
    static func bearer(_ values: [String]) throws(NodeHTTPError) -> String? {
        guard let header = values.first else { return nil }
        guard values.count == 1 else { throw NodeHTTPError(.unauthorized, "send one Authorization header, not \(values.count)") }
        guard header.utf8.count <= maxAuthorizationLength else {
            throw NodeHTTPError(.unauthorized, "the Authorization header is \(header.utf8.count) bytes; a bearer token is 46 characters (`Bearer bm_...`)")
        }
        let scheme = header.prefix(while: { $0 != " " })
        guard scheme.lowercased() == "bearer" else {
            throw NodeHTTPError(.unauthorized, "the Authorization header must be `Bearer TOKEN`")
        }
        let token = header.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw NodeHTTPError(.unauthorized, "the Authorization header has no token after `Bearer`") }
        return token
    }

    /// The `Origin` (or `Sec-Fetch-Site: cross-site`) of a request sent by a page of another
    /// site, or nil: a cookie such a request carries is not trusted for writes. SameSite=Strict
    /// already keeps browsers from sending it; this holds if a browser does not.
    static func foreignOrigin(_ request: Request) -> String? {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" || site == "same-site" { return site }
        guard let origin = request.headers[.origin] else { return nil }
        guard let authority = request.head.authority,
              origin == "http://\(authority)" || origin == "https://\(authority)" else { return origin }
        return nil
    }

    /// `status` with `message`, logged with the request and the peer.
    private func refuse(_ status: HTTPResponse.Status, _ message: String, _ request: Request, _ context: NodeRequestContext) -> NodeHTTPError {
        logger.notice("refused \(request.method) \(request.uri.path) from \(context.peerDescription): \(message)")
        var error = NodeHTTPError(status, message)
        // RFC 6750: a 401 names the scheme that would be accepted.
        if status == .unauthorized { error.challenge = "Bearer realm=\"bearmon\"" }
        return error
    }

    /// One more secret a bearer token may match instead of an API token, such as `[push] token`.
    package struct ExtraToken: Sendable {
        /// The secret.
        let secret: String

        /// The extra secret `secret`.
        package init(_ secret: String) { self.secret = secret }

        /// Whether `bearer` is the secret. Both sides are reduced to HMACs first, so the
        /// comparison takes the same time whatever the given token's length.
        func matches(_ bearer: String) -> Bool {
            let key = Array(secret.utf8)
            return HMACSHA256.equal(HMACSHA256.mac(key: key, message: Array(bearer.utf8)), HMACSHA256.mac(key: key, message: key))
        }
    }
}
