import BearmonSystem
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire

/// Browser sign-in and the session cookie, in process through Hummingbird's router test
/// client (which neither follows redirects nor keeps cookies, so every header is seen), with
/// the real ``TokenBook`` over a SQLite store.
@Suite("access: browser sign-in and session cookies")
struct AccessSessionTests {
    let dir: TempDirectory
    let store: SQLStore
    let book: TokenBook
    let reader: String
    let writer: String

    init() throws {
        dir = try TempDirectory("bearmon-session")
        store = SQLStore(database: try SQLiteDatabase(path: dir.file("s.sqlite")))
        try store.migrate()
        book = TokenBook(store: store, logger: quietLogger)
        reader = TokenSecret.generate()
        writer = TokenSecret.generate()
        _ = try store.addToken(name: "reader", scope: .read, sha256: TokenSecret.sha256Hex(reader), now: 1)
        _ = try store.addToken(name: "writer", scope: .write, sha256: TokenSecret.sha256Hex(writer), now: 2)
    }

    /// A standalone-like server with closed reads and a guarded probe route for each method.
    private func server() -> NodeServer {
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil,
                                tokens: book, openReads: false, logger: quietLogger)
        server.guarded.get("api/v1/probe") { _, _ in "read" }
        server.guarded.post("api/v1/probe") { _, _ in "wrote" }
        server.pages.get("checks/:id") { _, _ in "a page" }
        return server
    }

    private func test(_ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await server().application(services: []) {}.test(.router, test)
    }

    /// Signs in with `token`; the response.
    private static func signIn(_ client: any TestClientProtocol, _ token: String, next: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        let form = "token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token)
            + (next.map { "&next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? "")
        return try await client.execute(uri: "/login", method: .post, headers: fields, body: ByteBuffer(string: form))
    }

    /// The session cookie's value a sign-in set.
    private static func cookie(_ response: TestResponse) -> String? {
        guard let set = response.headers[.setCookie], set.hasPrefix("bearmon_session=") else { return nil }
        return String(set.dropFirst("bearmon_session=".count).prefix { $0 != ";" })
    }

    private static func get(_ client: any TestClientProtocol, cookie: String, method: HTTPRequest.Method = .get, extra: HTTPFields = [:]) async throws -> HTTPResponse.Status {
        var fields = extra
        fields[.cookie] = "theme=dark; bearmon_session=\(cookie)"
        return try await client.execute(uri: "/api/v1/probe", method: method, headers: fields).status
    }

    @Test("sign in with a token: 303 and an HttpOnly, SameSite=Strict cookie for the whole node; it then works as the token does")
    func signIn() async throws {
        let reader = reader, writer = writer
        try await test { client in
            let form = try await client.execute(uri: "/login", method: .get)
            #expect(form.status == .ok && String(buffer: form.body).contains("<form method=\"post\" action=\"/login\">"))
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            let signedIn = try await Self.signIn(client, writer)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/login")
            let set = try #require(signedIn.headers[.setCookie])
            #expect(set.contains("; Path=/") && set.contains("; HttpOnly") && set.contains("; SameSite=Strict") && set.contains("; Max-Age=43200"))
            #expect(!set.contains("Secure"), "plain HTTP: a Secure cookie would never come back")
            #expect(!set.contains(writer) && !set.contains(String(writer.dropFirst(3))), "the cookie must not carry the token")
            let session = try #require(Self.cookie(signedIn))
            #expect(try await Self.get(client, cookie: session) == .ok)
            #expect(try await Self.get(client, cookie: session, method: .post) == .ok)
            // Same origin is fine; another origin may not use the cookie to write.
            #expect(try await Self.get(client, cookie: session, method: .post, extra: [.origin: "http://localhost"]) == .ok)
            #expect(try await Self.get(client, cookie: session, method: .post, extra: [.origin: "https://evil.example"]) == .forbidden)
            #expect(try await Self.get(client, cookie: session, method: .post, extra: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]) == .forbidden)
            let page = try await client.execute(uri: "/login", method: .get, headers: [.cookie: "bearmon_session=\(session)"])
            #expect(String(buffer: page.body).contains("Signed in with token <b>writer</b> (scope write)"))

            let readSession = try #require(Self.cookie(try await Self.signIn(client, reader)))
            #expect(try await Self.get(client, cookie: readSession) == .ok)
            #expect(try await Self.get(client, cookie: readSession, method: .post) == .forbidden)

            let out = try await client.execute(uri: "/logout", method: .post, headers: [.cookie: "bearmon_session=\(session)"])
            #expect(out.status == .seeOther && out.headers[.setCookie]?.hasPrefix("bearmon_session=; Path=/; Max-Age=0") == true)
        }
    }

    @Test("a page opened without a session goes to /login and, once signed in, back to itself; never to another site")
    func pagesSignIn() async throws {
        let reader = reader
        try await test { client in
            let page = try await client.execute(uri: "/checks/7?tab=x%26y", method: .get)
            #expect(page.status == .seeOther && page.headers[.location] == "/login?next=/checks/7%3Ftab%3Dx%2526y", "\(page.headers)")
            let api = try await client.execute(uri: "/api/v1/probe", method: .get)
            #expect(api.status == .unauthorized, "the API stays 401 for programs")
            let write = try await client.execute(uri: "/checks/7", method: .post)
            #expect(write.status != .seeOther, "only reads are sent to sign in")
            let form = try await client.execute(uri: "/login?next=%2Fchecks%2F7%3Ftab%3Dx%2526y", method: .get)
            #expect(String(buffer: form.body).contains("<input type=\"hidden\" name=\"next\" value=\"/checks/7?tab=x%26y\">"), "\(String(buffer: form.body))")
            let back = try await Self.signIn(client, reader, next: "/checks/7?tab=x%26y")
            #expect(back.status == .seeOther && back.headers[.location] == "/checks/7?tab=x%26y")
            let session = try #require(Self.cookie(back))
            let shown = try await client.execute(uri: "/checks/7", method: .get, headers: [.cookie: "bearmon_session=\(session)"])
            #expect(shown.status == .ok && String(buffer: shown.body) == "a page")
            // Hostile returns: other sites, schemes, backslashes, control characters, overlong, quotes.
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/a\r\nSet-Cookie: x=1",
                         "/" + String(repeating: "a", count: 3_000), "", "/\u{301}x", "/\"><script>"] {
                let answer = try await Self.signIn(client, reader, next: next)
                #expect(answer.status == .seeOther && answer.headers[.location] == "/login", "\(next.prefix(40)): \(answer.headers[.location] ?? "")")
                let shownForm = String(buffer: try await client.execute(uri: "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), method: .get).body)
                #expect(!shownForm.contains("<script>") && !shownForm.contains("evil.example"), "\(shownForm)")
            }
        }
    }

    @Test("a refused sign-in: unknown, revoked-looking, empty, oversized, not a form, from another site; the answer never repeats the token")
    func refusedSignIn() async throws {
        let writer = writer
        try await test { client in
            for token in ["", "bm_nope", TokenSecret.generate(), String(repeating: "x", count: 5_000), "bm_\u{00e9}\u{0000}"] {
                let response = try await Self.signIn(client, token)
                #expect([.unauthorized, .badRequest].contains(response.status), "\(response.status)")
                #expect(response.headers[.setCookie] == nil)
            }
            let notForm = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"token\": 1}"))
            #expect(notForm.status == .badRequest && notForm.headers[.setCookie] == nil)
            let foreign = try await Self.signIn(client, writer, headers: [.origin: "https://evil.example"])
            #expect(foreign.status == .forbidden && foreign.headers[.setCookie] == nil)
            #expect(!String(buffer: foreign.body).contains(writer))
        }
    }

    @Test("tampered, truncated, oversized, non-ASCII and duplicated cookies are 401; only the first session cookie counts")
    func hostileCookies() async throws {
        let writer = writer
        try await test { client in
            let session = try #require(Self.cookie(try await Self.signIn(client, writer)))
            let parts = session.split(separator: ".").map(String.init)
            let mac = parts[3]
            let flipped = String(mac.prefix(10)) + (mac[mac.index(mac.startIndex, offsetBy: 10)] == "a" ? "b" : "a") + String(mac.dropFirst(11))
            let hostile = [
                "\(Int64(parts[0])! + 1).\(parts[1]).\(parts[2]).\(mac)",         // another token's id
                "\(parts[0]).\(parts[1]).\(Int64(parts[2])! + 3_600).\(mac)",     // a longer life
                "\(parts[0]).\(parts[1]).\(parts[2]).\(flipped)",                   // a changed MAC
                "0\(parts[0]).\(parts[1]).\(parts[2]).\(mac)",                      // the same id spelt otherwise
                "-\(parts[0]).\(parts[1]).\(parts[2]).\(mac)",
                "\(parts[0]).\(parts[1]).\(parts[2])",                              // no MAC
                String(session.dropLast()),
                "", ".", "...", "\u{00e9}.\u{4e2d}.1.2",
                session + String(repeating: "A", count: 8_000),
                "99999999999999999999.1.1.\(mac)",
            ]
            for value in hostile {
                #expect(try await Self.get(client, cookie: value) == .unauthorized, "\(value.prefix(80))")
            }
            // Two session cookies: the first decides, so a bad one ahead of a good one is refused.
            let both = try await client.execute(uri: "/api/v1/probe", method: .get, headers: [.cookie: "bearmon_session=x; bearmon_session=\(session)"])
            #expect(both.status == .unauthorized)
            let nameOnly = try await client.execute(uri: "/api/v1/probe", method: .get, headers: [.cookie: "bearmon_session"])
            #expect(nameOnly.status == .unauthorized)
            #expect(try await Self.get(client, cookie: session) == .ok, "the genuine cookie still works")
            let challenged = try await client.execute(uri: "/api/v1/probe", method: .get)
            #expect(challenged.status == .unauthorized && challenged.headers[.wwwAuthenticate] == "Bearer realm=\"bearmon\"")
        }
    }

    @Test("revoking the token ends its sessions at once; a new token given the same id does not revive them")
    func revocationEndsSession() async throws {
        let writer = writer, store = store
        try await test { client in
            let session = try #require(Self.cookie(try await Self.signIn(client, writer)))
            #expect(try await Self.get(client, cookie: session) == .ok)
            let id = try #require(try store.tokens().first { $0.name == "writer" }?.id)
            try store.removeToken(id)
            #expect(try await Self.get(client, cookie: session) == .unauthorized)
            let page = try await client.execute(uri: "/login", method: .get, headers: [.cookie: "bearmon_session=\(session)"])
            #expect(String(buffer: page.body).contains("<form"), "a dead session shows the form again")
            // SQLite may hand a freed highest id out again; the creation time tells them apart.
            let again = try store.addToken(name: "writer-2", scope: .write, sha256: TokenSecret.sha256Hex(TokenSecret.generate()), now: 99)
            if again == id { #expect(try await Self.get(client, cookie: session) == .unauthorized) }
        }
    }

    @Test("a cookie is good for 12 hours and no longer; one claiming more was not made here")
    func expiry() throws {
        let key = Array(repeating: UInt8(7), count: 32)
        let row = APITokenRow(id: 4, name: "t", scope: .read, createdAt: 10, lastUsedAt: nil)
        let value = SessionCookie(token: row, now: 1_000).value(key: key)
        #expect(SessionCookie.verify(value, key: key, now: 1_000) == SessionCookie(tokenID: 4, tokenCreatedAt: 10, expires: 1_000 + 43_200))
        #expect(SessionCookie.verify(value, key: key, now: 1_000 + 43_199) != nil)
        #expect(SessionCookie.verify(value, key: key, now: 1_000 + 43_200) == nil)
        #expect(SessionCookie.verify(value, key: Array(repeating: UInt8(8), count: 32), now: 1_000) == nil, "another database's key")
        let forever = SessionCookie(tokenID: 4, tokenCreatedAt: 10, expires: 1_000 + 10 * 43_200).value(key: key)
        #expect(SessionCookie.verify(forever, key: key, now: 1_000) == nil)
        #expect(SessionCookie.setCookie("v", secure: true).hasSuffix("; Secure"))
    }

    @Test("the session key is shared through the database: a cookie from one node works on another")
    func sharedKey() async throws {
        let other = TokenBook(store: SQLStore(database: try SQLiteDatabase(path: dir.file("s.sqlite"))), logger: quietLogger)
        let first = try await book.sessionKey(), second = try await other.sessionKey()
        #expect(first == second && first.count == 32)
    }

    @Test("token use is written at most once a minute, judged from the stored time; no positive answer is cached")
    func touchesAndNoCache() async throws {
        let clock = Mutex<Int64>(100_000)
        let book = TokenBook(store: store, logger: quietLogger, now: { clock.withLock { $0 } })
        let store = store
        @Sendable func lastUsed() -> Int64? { ((try? store.tokens()) ?? []).first { $0.name == "reader" }?.lastUsedAt }
        #expect(try await book.token(bearer: reader)?.name == "reader")
        #expect(await eventually { lastUsed() == 100_000 })
        clock.withLock { $0 = 159_999 }
        #expect(try await book.token(bearer: reader) != nil)
        clock.withLock { $0 = 160_000 }
        #expect(try await book.token(bearer: reader) != nil)
        #expect(await eventually { lastUsed() == 160_000 })
        // Not shaped like a token: answered without the store.
        #expect(try await book.token(bearer: "bm_short") == nil)
        #expect(try await book.token(bearer: reader + "=") == nil)
        let id = try #require(try store.tokens().first { $0.name == "reader" }?.id)
        try store.removeToken(id)
        #expect(try await book.token(bearer: reader) == nil)
        #expect(try await book.token(id: id) == nil)
    }

    @Test("over TLS the session cookie is Secure too, and signing out clears it the same way")
    func secureOverTLS() async throws {
        let identity = try TestCertificates.make("access-node", .days(1), in: dir)
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil,
                                tls: NodeConfig.TLSFiles(certificate: identity.certificate, key: identity.key, ca: nil),
                                monitor: nil, alerting: nil, tokens: book, openReads: false, logger: quietLogger)
        #expect(server.access.secure)
        let writer = writer
        try await server.application(services: []) {}.test(.router) { client in
            let signedIn = try await Self.signIn(client, writer)
            #expect(signedIn.status == .seeOther && signedIn.headers[.setCookie]?.hasSuffix("; HttpOnly; SameSite=Strict; Secure") == true)
            let out = try await client.execute(uri: "/logout", method: .post)
            #expect(out.headers[.setCookie]?.hasSuffix("; Secure") == true)
        }
    }

    @Test("a store that cannot say whether a token is good: 503 naming the cause, never let through; open reads need no store, even with a token sent")
    func storeDown() async throws {
        struct Down: AccessTokens {
            func token(bearer: String) async throws -> APITokenRow? { throw StoreError.invalid("the test's store is down") }
            func token(id: Int64) async throws -> APITokenRow? { throw StoreError.invalid("the test's store is down") }
            func sessionKey() async throws -> [UInt8] { throw StoreError.invalid("the test's store is down") }
        }
        let writer = writer
        for openReads in [false, true] {
            let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil,
                                    tokens: Down(), openReads: openReads, logger: quietLogger)
            server.guarded.get("api/v1/probe") { _, _ in "read" }
            server.guarded.post("api/v1/probe") { _, _ in "wrote" }
            try await server.application(services: []) {}.test(.router) { client in
                let write = try await client.execute(uri: "/api/v1/probe", method: .post, headers: [.authorization: "Bearer \(writer)"])
                #expect(write.status == .serviceUnavailable && String(buffer: write.body).contains("the store is down"))
                let cookie = try await client.execute(uri: "/api/v1/probe", method: .post, headers: [.cookie: "bearmon_session=1.2.3.\(String(repeating: "a", count: 64))"])
                #expect(cookie.status == .serviceUnavailable)
                let read = try await client.execute(uri: "/api/v1/probe", method: .get, headers: [.authorization: "Bearer \(writer)"])
                #expect(read.status == (openReads ? .ok : .serviceUnavailable))
                let signIn = try await Self.signIn(client, writer)
                #expect(signIn.status == .serviceUnavailable && signIn.headers[.setCookie] == nil)
            }
        }
    }

    /// Waits for `condition`, which a background write makes true: at most 60 s, as a loaded
    /// CI machine can hold the write's task back for many seconds.
    private func eventually(_ condition: @escaping @Sendable () -> Bool) async -> Bool {
        (try? await offPool { waitUntil(timeout: 60, condition) }) ?? false
    }
}
