import BearmonSystem
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BearmonAPI
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore

/// A check's uptime JSON and its badges in process, over a SQLite store holding a hand-made
/// history (results, aggregates and flips written directly) and the real ``TokenBook``:
/// the numbers, the SVG, and who may see which check.
@Suite("uptime JSON and badges (in process)")
struct UptimeRoutesTests {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    /// 2027-02-01T02:00Z: two hours into February in UTC, still January in New York, eleven hours in in Tokyo.
    static let now: Int64 = 1_801_447_200_000
    /// A name made to break out of XML, with characters XML cannot carry at all.
    static let hostileName = "<script>alert(1)</script> ]]> &amp; \"q\" 'a' &\u{301} \u{1B}[31m\u{0}\u{FFFE}"

    let dir: TempDirectory
    let store: SQLStore
    let book: TokenBook
    let reader: String
    let revoked: String
    /// Public, with 25 hours of results each minute (latency 100 and 300 ms in turn) and one minute down 10 hours ago.
    let shown: Int64
    /// Private, with the same history.
    let hidden: Int64
    /// Public, with no results at all.
    let empty: Int64

    init(days: DayCalendar = .utc) throws {
        dir = try TempDirectory("bearmon-badges")
        store = SQLStore(database: try SQLiteDatabase(path: dir.file("b.sqlite")))
        try store.migrate()
        book = TokenBook(store: store, logger: quietLogger)
        reader = TokenSecret.generate()
        revoked = TokenSecret.generate()
        _ = try store.addToken(name: "reader", scope: .read, sha256: TokenSecret.sha256Hex(reader), now: 1)
        try store.removeToken(try store.addToken(name: "gone", scope: .read, sha256: TokenSecret.sha256Hex(revoked), now: 2))
        let added = try store.applyCatalog([
            .addCheck(key: "shown", NewCheck(name: Self.hostileName, type: "tcp", data: "{}", interval: 60, delay: 0), tags: [], isPublic: true),
            .addCheck(key: "hidden", NewCheck(name: "internal db", type: "tcp", data: "{}", interval: 60, delay: 0), tags: [], isPublic: false),
            .addCheck(key: "empty", NewCheck(name: "new", type: "tcp", data: "{}", interval: 60, delay: 0), tags: [], isPublic: true),
        ])
        (shown, hidden, empty) = (added["shown"]!, added["hidden"]!, added["empty"]!)
        _ = try store.raiseView(to: 1, holder: "test")
        for check in [shown, hidden] { try Self.writeHistory(store, check: check, days: days) }
    }

    /// 25 hours of results each minute up to `now`, the minute 10 hours ago offline, with the
    /// flips a controller would write for it (each with when its streak began).
    static func writeHistory(_ store: SQLStore, check: Int64, days: DayCalendar) throws {
        let down = Self.now - 10 * Self.hour
        let first: Int64 = Self.now - 25 * Self.hour
        let times: [Int64] = (0..<1_500).map { first + Int64($0) * Self.minute }
        let results = times.enumerated().map { (index: Int, time: Int64) -> ResultRecord in
            ResultRecord(checkID: check, node: "w1", time: time, status: time == down ? .offline : .online, message: "", latencyMilliseconds: index % 2 == 0 ? 100 : 300)
        }
        try store.recordResults(results, batchID: "history-\(check)", days: days)
        for (status, began) in [(CheckStatus.offline, down), (.online, down + Self.minute)] {
            _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "", time: began + 5_000,
                                                 checkName: "c", checkType: "tcp", maskedData: "{}", beganAt: began), view: 1)
        }
    }

    /// A node's server with closed reads (or open), the badges on its open group.
    private func test(openReads: Bool = false, days: DayCalendar = .utc, _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil,
                                tokens: book, openReads: openReads, logger: quietLogger)
        UptimeRoutes.add(to: server.open, service: UptimeService(store: store, days: days, now: { Self.now }), access: server.access)
        try await server.application(services: []) {}.test(.router, test)
    }

    private static func get(_ client: any TestClientProtocol, _ path: String, _ headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// Whether a reported ratio is `expected`.
    static func near(_ value: Double??, _ expected: Double) -> Bool {
        guard let value = value ?? nil else { return false }
        return abs(value - expected) < 1e-9
    }

    private static func uptime(_ response: TestResponse) throws -> [String: Double?] {
        try JSONDecoder().decode([String: Double?].self, from: Data(buffer: response.body))
    }

    @Test("badges are SVG that XMLParser reads, and say the hand-computed numbers; a hostile name stays text")
    func badgesSayTheNumbers() async throws {
        try await test { client in
            let base = "/api/v1/checks/\(shown)/badge"
            // 24 h: 1,440 minutes monitored, one of them down: 99.930...% cut to 99.93%.
            // 7 d: only 25 h were monitored: 1,499 / 1,500 = 99.933...%.
            let expected = ["uptime/24h": ["uptime 24h", "99.93%"], "uptime/7d": ["uptime 7d", "99.93%"], "uptime/90d": ["uptime 90d", "99.93%"],
                            "latency/24h": ["latency 24h", "200 ms"], "latency/30d": ["latency 30d", "200 ms"], "status": ["status", "online"]]
            for (path, words) in expected {
                let response = try await Self.get(client, "\(base)/\(path).svg")
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                let svg = try #require(SVGDocument(Data(buffer: response.body)), "\(path) is not well-formed SVG: \(String(buffer: response.body))")
                // Each text is drawn twice (shadow, then the text).
                #expect(svg.texts == [words[0], words[0], words[1], words[1]], "\(path)")
                #expect(svg.title.hasSuffix("\(words[0]): \(words[1])"), "\(svg.title)")
                #expect(svg.title.hasPrefix("<script>alert(1)</script> ]]> &amp; \"q\" 'a' &\u{301}"), "the name comes back as the same text: \(svg.title)")
                #expect(svg.root["width"].flatMap(Int.init).map { $0 > 40 } == true)
                #expect(!String(buffer: response.body).contains("<script"), "the name is escaped")
            }
        }
    }

    @Test("the uptime JSON: every window, null where nothing was monitored, and the month cut in [status] timezone",
          arguments: [("UTC", 1.0), ("America/New_York", 1_499.0 / 1_500), ("Asia/Tokyo", 659.0 / 660)])
    func uptimeJSON(zone: String, month: Double) async throws {
        let days = try #require(DayCalendar(identifier: zone))
        let fixture = try UptimeRoutesTests(days: days)
        try await fixture.test(days: days) { client in
            let response = try await Self.get(client, "/api/v1/checks/\(fixture.shown)/uptime")
            #expect(response.status == .ok && response.headers[.contentType] == "application/json")
            let report = try Self.uptime(response)
            #expect(Set(report.keys) == ["24h", "7d", "30d", "90d", "month"])
            #expect(Self.near(report["24h"], 1_439.0 / 1_440), "\(report)")
            for window in ["7d", "30d", "90d"] { #expect(Self.near(report[window], 1_499.0 / 1_500), "\(window): \(report)") }
            // UTC: February began two hours ago, after the outage; New York is still in January
            // (all 25 hours); Tokyo's February began 11 hours ago, one minute of it down.
            #expect(Self.near(report["month"], month), "\(zone): \(report)")

            let none = try await Self.get(client, "/api/v1/checks/\(fixture.empty)/uptime")
            #expect(String(buffer: none.body) == #"{"24h":null,"30d":null,"7d":null,"90d":null,"month":null}"#)
            let badge = try await Self.get(client, "/api/v1/checks/\(fixture.empty)/badge/uptime/30d.svg")
            #expect(SVGDocument(Data(buffer: badge.body))?.texts.last == "no data")
        }
    }

    @Test("a private check is 404 without a token, word for word a missing one; 200 with a read token or its session; 401 with a revoked one")
    func privateChecks() async throws {
        try await test { client in
            let paths = ["uptime", "badge/status.svg", "badge/uptime/24h.svg", "badge/latency/7d.svg"]
            for path in paths {
                let secret = try await Self.get(client, "/api/v1/checks/\(hidden)/\(path)")
                let missing = try await Self.get(client, "/api/v1/checks/\(hidden + 1_000)/\(path)")
                #expect(secret.status == .notFound && missing.status == .notFound, "\(path)")
                let secretBody = String(buffer: secret.body).replacingOccurrences(of: "\(hidden)", with: "N")
                #expect(secretBody == String(buffer: missing.body).replacingOccurrences(of: "\(hidden + 1_000)", with: "N"), "\(path)")
                #expect(!secretBody.contains("internal db"))

                let read = try await Self.get(client, "/api/v1/checks/\(hidden)/\(path)", [.authorization: "Bearer \(reader)"])
                #expect(read.status == .ok, "\(path): \(String(buffer: read.body))")
                #expect(read.headers[.cacheControl] == "private, max-age=60")
                let gone = try await Self.get(client, "/api/v1/checks/\(shown)/\(path)", [.authorization: "Bearer \(revoked)"])
                #expect(gone.status == .unauthorized, "a revoked token on a public check: \(path)")
                let junk = try await Self.get(client, "/api/v1/checks/\(shown)/\(path)", [.authorization: "Basic eDp5"])
                #expect(junk.status == .unauthorized)
                // A stale session cookie is no error on an open route: the public part still shows.
                let stale = try await Self.get(client, "/api/v1/checks/\(shown)/\(path)", [.cookie: "bearmon_session=stale.x"])
                #expect(stale.status == .ok)
                let staleHidden = try await Self.get(client, "/api/v1/checks/\(hidden)/\(path)", [.cookie: "bearmon_session=stale.x"])
                #expect(staleHidden.status == .notFound)
            }
        }
        // A browser signed in with the read token sees the private check too.
        try await test { client in
            let form = "token=" + (reader.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? reader)
            let signIn = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form))
            let cookie = try #require(signIn.headers[.setCookie]?.split(separator: ";").first.map(String.init), "no session: \(signIn.status)")
            let badge = try await Self.get(client, "/api/v1/checks/\(hidden)/badge/status.svg", [.cookie: cookie])
            #expect(badge.status == .ok && badge.headers[.cacheControl] == "private, max-age=60")
            #expect(SVGDocument(Data(buffer: badge.body))?.texts.last == "online")
        }
        // With open reads, anyone reads any check, as the API.
        try await test(openReads: true) { client in
            let open = try await Self.get(client, "/api/v1/checks/\(hidden)/uptime")
            #expect(open.status == .ok)
            let gone = try await Self.get(client, "/api/v1/checks/\(hidden)/uptime", [.authorization: "Bearer \(revoked)"])
            #expect(gone.status == .unauthorized)
        }
    }

    @Test("bad ids and windows are refused with a reason; HEAD is served; other methods are 405")
    func refusals() async throws {
        try await test { client in
            for (path, status) in [("abc/uptime", HTTPResponse.Status.badRequest), ("-1/uptime", .notFound), ("0/badge/status.svg", .notFound),
                                   ("99999999999999999999/uptime", .badRequest), ("\(shown)/badge/uptime/1y.svg", .badRequest),
                                   ("\(shown)/badge/latency/90d.svg", .badRequest), ("\(shown)/badge/uptime/24h.png", .notFound)] {
                let response = try await Self.get(client, "/api/v1/checks/\(path)")
                #expect(response.status == status, "\(path): \(String(buffer: response.body))")
                #expect((try? JSONDecoder().decode([String: String].self, from: Data(buffer: response.body)))?["error"] != nil || response.status == .notFound)
            }
            let head = try await client.execute(uri: "/api/v1/checks/\(shown)/badge/status.svg", method: .head)
            #expect(head.status == .ok)
            let post = try await client.execute(uri: "/api/v1/checks/\(shown)/uptime", method: .post)
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET")
        }
    }

    @Test("numbers are cut, not rounded, and hostile text keeps the document well formed")
    func formatting() throws {
        let cases: [(Double?, String)] = [(0.99999, "99.99%"), (1, "100%"), (0.9993, "99.93%"), (0, "0.00%"), (nil, "no data"), (.nan, "no data"), (0.5, "50.00%")]
        for (ratio, message) in cases {
            #expect(UptimeRoutes.uptimeBadge(ratio, window: "24h", name: "x").message == message, "\(String(describing: ratio))")
        }
        #expect(UptimeRoutes.latencyBadge(1_234, window: "7d", name: "x").message == "1.23 s")
        #expect(UptimeRoutes.latencyBadge(0.4, window: "7d", name: "x").message == "0 ms")
        for name in [Self.hostileName, String(repeating: "<&>\"'", count: 2_000), "", "\u{7F}\u{85}\u{2028}", String(repeating: "e\u{301}", count: 500)] {
            let svg = Badge(label: "uptime 24h", message: "99%", color: Badge.Color.good, subject: name).svg
            let document = try #require(SVGDocument(Data(svg.utf8)), "not well formed for \(name.prefix(20)): \(svg)")
            #expect(document.title.count <= Badge.maxSubjectCharacters + 30)
        }
    }

    @Test("the first day of a month, from day numbers", arguments: [(0, 0), (-1, -31), (19_782, 19_754), (19_754, 19_754), (11_016, 10_988)])
    func monthStart(day: Int64, first: Int64) {
        // 2024-02-29 is day 19,782 (2024-02-01 is 19,754); 2000-02-29 is 11,016 (2000-02-01 is 10,988).
        #expect(DayCalendar.utc.firstDayOfMonth(containing: day) == first)
    }
}
