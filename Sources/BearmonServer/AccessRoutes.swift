import BearmonCore
import Foundation
import Hummingbird

/// Browser sign-in, in the open group: `GET /login` shows a small form (or who is signed in),
/// `POST /login` takes a token from it and sets the session cookie (``SessionCookie``),
/// `POST /logout` clears it. The cookie then counts wherever a bearer token does
/// (``AccessPolicy``); the token itself never reaches the browser's storage.
enum AccessRoutes {
    /// The largest sign-in form read: a token is 46 characters.
    static let maxFormBytes = 4_096

    /// Adds the routes to `group`, looking tokens up through `policy`.
    static func add(to group: RouterGroup<NodeRequestContext>, policy: AccessPolicy) {
        group.get("login") { request, _ in
            let tokens = try available(policy)
            if let value = SessionCookie.find(in: request.headers[values: .cookie]),
               let key = try? await tokens.sessionKey(),
               let session = SessionCookie.verify(value, key: key, now: policy.now()),
               let row = try? await tokens.token(id: session.tokenID), row.createdAt == session.tokenCreatedAt {
                return page(.ok, signedIn: row, until: session.expires)
            }
            return page(.ok, message: nil, returningTo: SignIn.returnPath(request.uri.queryParameters["next"].map(String.init)))
        }
        group.post("login") { request, context in
            let tokens = try available(policy)
            if let origin = AccessPolicy.foreignOrigin(request) {
                return page(.forbidden, message: "A sign-in from another site (\(origin)) is refused.")
            }
            var request = request
            let token: String
            let back: String?
            do {
                let body = try await request.collectBody(upTo: maxFormBytes)
                let form = try URLEncodedFormDecoder().decode(LoginForm.self, from: String(buffer: body))
                token = form.token.trimmingCharacters(in: .whitespaces)
                back = SignIn.returnPath(form.next)
            } catch {
                return page(.badRequest, message: "Send the form with one field, token (at most \(maxFormBytes) bytes).")
            }
            let row: APITokenRow?
            let key: [UInt8]
            do {
                row = token.isEmpty || token.utf8.count > AccessPolicy.maxAuthorizationLength ? nil : try await tokens.token(bearer: token)
                key = try await tokens.sessionKey()
            } catch {
                policy.logger.error("sign-in from \(context.peerDescription) could not be checked: \(error)")
                return page(.serviceUnavailable, message: "The token cannot be checked now: the store is down. Try again shortly.")
            }
            guard let row else {
                policy.logger.notice("refused a sign-in from \(context.peerDescription): unknown token")
                return page(.unauthorized, message: "That token is not known: it was revoked or mistyped.", returningTo: back)
            }
            let session = SessionCookie(token: row, now: policy.now())
            policy.logger.notice("signed in from \(context.peerDescription) with token '\(row.name)' (\(row.scope.rawValue))")
            var response = Response(status: .seeOther, headers: [.location: back ?? "/login", .cacheControl: "no-store"])
            response.headers[.setCookie] = SessionCookie.setCookie(session.value(key: key), secure: policy.secure)
            return response
        }
        group.post("logout") { _, _ in
            _ = try available(policy)
            var response = Response(status: .seeOther, headers: [.location: "/login", .cacheControl: "no-store"])
            response.headers[.setCookie] = SessionCookie.clearCookie(secure: policy.secure)
            return response
        }
    }

    /// The form's one field.
    private struct LoginForm: Decodable {
        let token: String
        /// The page to return to after signing in (see ``SignIn/returnPath(_:)``).
        let next: String?
    }

    /// The token lookup, or the refusal of a node without a store.
    private static func available(_ policy: AccessPolicy) throws -> any AccessTokens {
        guard let tokens = policy.tokens else {
            throw NodeHTTPError(.notFound, "this node has no store, so it has no API tokens to sign in with; use a worker's address")
        }
        return tokens
    }

    /// The sign-in form, with `message` above it, returning to `back` once signed in.
    private static func page(_ status: HTTPResponse.Status, message: String?, returningTo back: String? = nil) -> Response {
        html(status, """
        \(message.map { "<p role=\"alert\">\(MarkupText.escaped($0))</p>" } ?? "")
        <form method="post" action="/login">\(back.map { "\n<input type=\"hidden\" name=\"next\" value=\"\(MarkupText.escaped($0))\">" } ?? "")
        <label>API token <input type="password" name="token" autocomplete="off" required></label>
        <button type="submit">Sign in</button>
        </form>
        <p>Create a token with <code>bearmon tokens add --name NAME --scope read</code> (or <code>write</code>).</p>
        """)
    }

    /// Who is signed in, with a sign-out button.
    private static func page(_ status: HTTPResponse.Status, signedIn row: APITokenRow, until expires: Int64) -> Response {
        let until = Date(timeIntervalSince1970: TimeInterval(expires)).formatted(.iso8601)
        return html(status, """
        <p>Signed in with token <b>\(MarkupText.escaped(row.name))</b> (scope \(row.scope.rawValue)) until \(until).</p>
        <form method="post" action="/logout"><button type="submit">Sign out</button></form>
        """)
    }

    private static func html(_ status: HTTPResponse.Status, _ body: String) -> Response {
        let text = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>bearmon: sign in</title></head>
        <body><h1>bearmon</h1>
        \(body)
        </body></html>
        """
        return Response(status: status, headers: [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
