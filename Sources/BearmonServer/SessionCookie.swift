package import BearmonCore
import BearmonWire
import Foundation

/// The browser session a sign-in at `/login` sets: `bearmon_session=ID.CREATED.EXPIRES.MAC`,
/// where ID and CREATED name the token it was opened with, EXPIRES is unix seconds and MAC is
/// the HMAC-SHA256 (hex) of the rest under the node's session key (shared by every node
/// on the database). It carries no secret: it is bound to the token by id and creation time,
/// so revoking the token (or a new token that reuses the id) ends it, and a changed byte
/// fails the MAC.
package struct SessionCookie: Sendable, Equatable {
    /// The cookie's name.
    package static let name = "bearmon_session"
    /// How long a sign-in lasts.
    package static let lifetime: Int64 = 12 * 3_600
    /// The longest value parsed: a well-formed one is well under it, so a longer one is
    /// refused without work.
    static let maxValueLength = 160

    /// `api_tokens.id` of the token signed in with.
    package let tokenID: Int64
    /// That token's `created_at`, so that a later token given the same id is not taken for it.
    package let tokenCreatedAt: Int64
    /// When the session ends, unix seconds.
    package let expires: Int64

    /// A session for `token` opened at `now` (unix seconds).
    package init(token: APITokenRow, now: Int64) {
        self.init(tokenID: token.id, tokenCreatedAt: token.createdAt, expires: now + Self.lifetime)
    }

    /// A session from its parts, as a verified cookie carries them.
    init(tokenID: Int64, tokenCreatedAt: Int64, expires: Int64) {
        self.tokenID = tokenID
        self.tokenCreatedAt = tokenCreatedAt
        self.expires = expires
    }

    /// The cookie's value, signed with `key`.
    package func value(key: [UInt8]) -> String {
        let claims = "\(tokenID).\(tokenCreatedAt).\(expires)"
        return claims + "." + Self.mac(claims, key: key).hex
    }

    /// The session `value` carries, when it is well formed, its MAC is right under `key` and
    /// it has not expired at `now` (unix seconds); nil otherwise.
    package static func verify(_ value: String, key: [UInt8], now: Int64) -> SessionCookie? {
        guard value.utf8.count <= maxValueLength else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, let id = decimal(parts[0]), let created = decimal(parts[1]), let expires = decimal(parts[2]),
              parts[3].count == 64, let given = [UInt8](hex: String(parts[3])) else { return nil }
        let claims = "\(id).\(created).\(expires)"
        // The claims re-spelled must match what was sent ("07" is not "7"), so one session has one value.
        guard parts[0...2].joined(separator: ".") == claims, HMACSHA256.equal(given, mac(claims, key: key)) else { return nil }
        // A session longer than a sign-in gives was not made by this code.
        guard expires > now, expires <= now + lifetime + 60 else { return nil }
        return SessionCookie(tokenID: id, tokenCreatedAt: created, expires: expires)
    }

    /// A non-negative decimal of at most 18 digits (no sign, no spaces).
    private static func decimal(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(text)
    }

    private static func mac(_ claims: String, key: [UInt8]) -> [UInt8] {
        HMACSHA256.mac(key: key, message: Array("bearmon-session.v1.\(claims)".utf8))
    }

    /// The `Set-Cookie` value that stores `value`: HttpOnly (no script reads it),
    /// SameSite=Strict (no other site's page sends it), for the whole node, Secure over TLS.
    package static func setCookie(_ value: String, secure: Bool) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(lifetime); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that removes the session from a browser.
    package static func clearCookie(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The first `bearmon_session` value among `Cookie` header values, if any.
    package static func find(in cookieHeaders: [String]) -> String? {
        for header in cookieHeaders {
            for pair in header.split(separator: ";") {
                let pair = pair.drop(while: { $0 == " " || $0 == "\t" })
                guard let equals = pair.firstIndex(of: "=") else { continue }
                if pair[..<equals] == name { return String(pair[pair.index(after: equals)...]) }
            }
        }
        return nil
    }
}
