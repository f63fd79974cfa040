import BearmonSystem
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWeb

/// The web pages in process over a real SQLite store: what a person sees on the dashboard,
/// a check's page, the status page and the feed, the access rule in front of the first two,
/// hostile input, and that no secret reaches any page.
@Suite(.serialized) struct WebRoutesTests {
    static let secret = "hunter2-web-secret"
    static let contactSecret = "contact-token-sekrit"
    static let day: Int64 = 86_400_000

    /// A store with: an offline public check "api" (tag eu, a secret in its data, an incident with
    /// a notification, a hostile message), an online private check "db" (tag eu), and an online
    /// public untagged check with a hostile name.
    final class Scene: @unchecked Sendable {
        let store: SQLStore
        let keep: AnyObject
        let catalog: LocalCatalog
        let now: Int64
        var api: Int64 = 0
        var db: Int64 = 0
        var hostile: Int64 = 0

        init(now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) throws {
            (store, keep) = try StoreBackend.sqlite.makeStore()
            self.now = now
            catalog = LocalCatalog(store: store, host: ProductChecks().host, now: { now })
            api = try catalog.createCheck(try JSONValue.parse(
                #"{"name":"api","type":"http","data":{"url":"http://127.0.0.1:9/","password":"\#(WebRoutesTests.secret)"},"tags":["eu"],"public":true}"#)).id
            db = try catalog.createCheck(try JSONValue.parse(#"{"name":"db private","type":"tcp","data":{"address":"127.0.0.1:9"},"tags":["eu"]}"#)).id
            hostile = try catalog.createCheck(try JSONValue.parse(#"{"name":"<script>alert(1)</script>&\"x'","type":"tcp","data":{"address":"127.0.0.1:9"},"public":true}"#)).id
            let contact = try store.addContact(type: "webhook", data: "http://127.0.0.1:9/hook?token=\(WebRoutesTests.contactSecret)")
            _ = try store.addAlert(checkID: api, contactID: contact, type: .both)
            #expect(try store.raiseView(to: 1, holder: "test"))
            // Results: api failing for the last two hours, the others passing.
            var results: [ResultRecord] = []
            for minutes in stride(from: 240, through: 1, by: -5) {
                let time = now - Int64(minutes) * 60_000
                results.append(ResultRecord(checkID: api, node: "w1", time: time, status: minutes > 120 ? .online : .offline,
                                            message: minutes > 120 ? "200 OK" : "connection refused <b>\u{1}", latencyMilliseconds: 12))
                results.append(ResultRecord(checkID: db, node: "w2", time: time, status: .online, message: "connected", latencyMilliseconds: 3))
                results.append(ResultRecord(checkID: hostile, node: "w1", time: time, status: .online, message: "ok", latencyMilliseconds: 5))
            }
            try store.recordResults(results)
            for (id, name) in [(db, "db private"), (hostile, "hostile")] {
                _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: id, status: .online, message: "ok", time: now - 230 * 60_000,
                                                     checkName: name, checkType: "tcp", maskedData: "{}"), view: 1)
            }
            // An earlier incident on api that ended, then the current one.
            for (status, minutes, began) in [(CheckStatus.offline, 2_000, 2_010), (.online, 1_000, 1_005), (.offline, 115, 120)] as [(CheckStatus, Int64, Int64)] {
                _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: api, status: status, message: status == .offline ? "connection refused <b>\u{1}" : "200 OK",
                                                     time: now - minutes * 60_000, checkName: "api", checkType: "http", maskedData: "{}",
                                                     beganAt: now - began * 60_000), view: 1)
            }
        }

        func pages(_ settings: StatusPageSettings = StatusPageSettings()) -> WebPages {
            WebPages(catalog: catalog, days: .utc, settings: settings, now: { [now] in now })
        }
    }

    private func serve(_ pages: WebPages, openReads: Bool = true, _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil,
                                tokens: TokenBook(store: pages.store, logger: quietLogger), openReads: openReads, logger: quietLogger)
        WebRoutes.add(guarded: server.pages, open: server.open, pages: pages, secure: false)
        try await server.application(services: []) {}.test(.router, test)
    }

    private func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        let response = try await client.execute(uri: uri, method: .get)
        return (response.status, String(buffer: response.body))
    }

    /// The rows of the dashboard's table, by check id: their markup.
    private func rows(_ page: String) -> [Int64: String] {
        var rows: [Int64: String] = [:]
        for piece in page.components(separatedBy: "<tr class=\"check ").dropFirst() {
            guard let range = piece.range(of: "data-check=\""), let end = piece[range.upperBound...].firstIndex(of: "\""),
                  let id = Int64(piece[range.upperBound..<end]) else { continue }
            rows[id] = String(piece.prefix { $0 != "\n" } + piece.components(separatedBy: "</tr>")[0])
        }
        return rows
    }

    @Test("the dashboard shows the offline check offline and first, its workers' results and bars, escapes names, and filters by status, tag, type and name")
    func dashboard() async throws {
        let scene = try Scene()
        try await serve(scene.pages()) { client in
            let (status, page) = try await get(client, "/")
            #expect(status == .ok)
            let rows = rows(page)
            #expect(rows.count == 3, "\(page.prefix(2_000))")
            #expect(rows[scene.api]?.hasPrefix("offline") == true && rows[scene.api]?.contains(">offline</span>") == true)
            #expect(rows[scene.db]?.contains(">online</span>") == true)
            let (apiAt, dbAt) = (page.range(of: "data-check=\"\(scene.api)\""), page.range(of: "data-check=\"\(scene.db)\""))
            #expect(apiAt != nil && dbAt != nil && apiAt!.lowerBound < dbAt!.lowerBound, "offline first")
            #expect(rows[scene.api]?.contains("w1</span> offline") == true, "the worker's newest result: \(rows[scene.api] ?? "")")
            #expect(rows[scene.api]?.contains("class=\"down\"") == true && rows[scene.api]?.contains("class=\"up\"") == true, "bars")
            #expect(!page.contains("<script>alert(1)") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&#39;"))
            #expect(page.contains("1 offline") && page.contains("3 checks"))
            #expect(rows[scene.api]?.contains("round: unknown") == true, "no controller's word: unknown")

            let (_, offline) = try await get(client, "/?status=offline")
            #expect(Set(self.rows(offline).keys) == [scene.api])
            let (_, tagged) = try await get(client, "/?tag=eu")
            #expect(Set(self.rows(tagged).keys) == [scene.api, scene.db])
            let (_, typed) = try await get(client, "/?type=tcp")
            #expect(Set(self.rows(typed).keys) == [scene.db, scene.hostile])
            let (_, searched) = try await get(client, "/?q=DB+priv")
            #expect(Set(self.rows(searched).keys) == [scene.db], "a form's + is a space, any case")
            // Hostile filters: never an error, nothing matches, the value shows escaped in the form.
            let (hostileStatus, hostile) = try await get(client, "/?q=%3Cimg%20src%3Dx%3E&status=%FF&page=-5&tag=\(String(repeating: "t", count: 5_000))")
            #expect(hostileStatus == .ok && self.rows(hostile).isEmpty && !hostile.contains("<img src=x>"))
        }
    }

    @Test("the dashboard pages 50 checks at a time, one page's aggregates in one query, with links that keep the filters")
    func pagination() async throws {
        let scene = try Scene()
        for index in 0..<120 {
            _ = try scene.store.addCheck(NewCheck(name: String(format: "bulk %03d", index), type: "tcp", data: #"{"address":"127.0.0.1:9"}"#))
        }
        try await serve(scene.pages()) { client in
            let (_, first) = try await get(client, "/?q=bulk")
            #expect(rows(first).count == 50 && first.contains("Page 1 of 3") && first.contains("href=\"/?q=bulk&amp;page=2\""))
            let (_, last) = try await get(client, "/?q=bulk&page=3")
            #expect(rows(last).count == 20 && last.contains("Page 3 of 3") && !last.contains("rel=\"next\""))
            let (_, beyond) = try await get(client, "/?q=bulk&page=999999999999")
            #expect(beyond.contains("Page 3 of 3"), "a page past the end shows the last")
        }
    }

    @Test("a check's page shows uptime, its incidents with start, end, duration and message, and each notification; 404 for a missing or bad id")
    func checkPage() async throws {
        let scene = try Scene()
        try await serve(scene.pages()) { client in
            let (status, page) = try await get(client, "/checks/\(scene.api)")
            #expect(status == .ok)
            #expect(page.contains("<h1>api</h1>") && page.contains(">offline</span>"))
            let format = WebFormat(zone: "UTC")
            #expect(page.contains("\(format.time(scene.now - 120 * 60_000)) – ongoing"), "the current incident, from its first failing result")
            #expect(page.contains("\(format.time(scene.now - 2_010 * 60_000)) – \(format.time(scene.now - 1_005 * 60_000))") && page.contains("(16h 45m)"),
                    "the earlier incident, start to end")
            #expect(page.contains("connection refused &lt;b&gt;"))
            #expect(page.contains("<th>Event id</th>") && page.contains("webhook") && page.contains(">pending<"), "its notifications: \(page)")
            for window in ["24h", "7d", "30d", "90d"] { #expect(page.contains("<th>\(window)</th>")) }
            #expect(page.contains("&quot;password&quot;:&quot;********&quot;"), "the definition, masked")
            for uri in ["/checks/999999", "/checks/0", "/checks/-1", "/checks/abc", "/checks/99999999999999999999999"] {
                let (missing, body) = try await get(client, uri)
                #expect(missing == .notFound && body.contains("<html"), "\(uri): \(missing)")
            }
        }
    }

    @Test("a check whose row holds the largest or smallest numbers SQLite stores still has its page, and the dashboard and status page answer")
    func hostileRowNumbers() async throws {
        let scene = try Scene()
        try scene.store.database.execute("UPDATE checks SET check_interval = 9223372036854775807, delay = -9223372036854775808 WHERE id = \(scene.api)")
        try scene.store.database.execute("UPDATE checks SET check_interval = -9223372036854775808, delay = 9223372036854775807 WHERE id = \(scene.hostile)")
        try await serve(scene.pages()) { client in
            for uri in ["/checks/\(scene.api)", "/checks/\(scene.hostile)", "/", "/status"] {
                let (status, page) = try await get(client, uri)
                #expect(status == .ok && page.contains("</html>"), "\(uri): \(status)")
            }
        }
    }

    @Test("stored flip times, aggregate counts, flapping shares and window lengths at the ends of their columns: every page still answers, and config export works")
    func hostileStoredTimesAndCounts() async throws {
        let scene = try Scene()
        let db = scene.store.database
        try db.execute("UPDATE check_flips SET began_at = -9223372036854775808 WHERE check_id = \(scene.api)")
        try db.execute("UPDATE check_flips SET time = -9223372036854775808, began_at = 9223372036854775807 WHERE check_id = \(scene.hostile)")
        try db.execute("UPDATE check_hourly SET results = 9223372036854775807, online = 9223372036854775807 WHERE check_id = \(scene.api)")
        try db.execute("UPDATE check_daily SET results = 9223372036854775807, online = 9223372036854775807 WHERE check_id = \(scene.api)")
        let today = DayCalendar.utc.day(of: scene.now)
        try db.execute("""
            INSERT INTO check_daily (check_id, day, results, online, latency_sum, latency_min, latency_max, first_at, last_at)
            VALUES (\(scene.api), \(today - 1), 9223372036854775807, 9223372036854775807, 1e300, 0, 1, -9223372036854775808, 9223372036854775807)
            """)
        for (id, share) in [(scene.api, "1e300"), (scene.db, "-1e300"), (scene.hostile, "'nan'")] {
            try db.execute("INSERT INTO check_alert_states (check_id, flapping_share, flapping_since) VALUES (\(id), \(share), \(scene.now - 60_000))")
        }
        try db.execute("INSERT INTO maintenances (check_id, cron, duration_s, time_zone, created_at) VALUES (\(scene.api), '0 3 * * *', 9223372036854775807, 'UTC', 0)")
        try await serve(scene.pages()) { client in
            for uri in ["/", "/checks/\(scene.api)", "/checks/\(scene.hostile)", "/checks/\(scene.db)", "/status", "/status/eu", "/status/feed.atom"] {
                let (status, page) = try await get(client, uri)
                #expect(status == .ok && (page.contains("</html>") || page.contains("</feed>")), "\(uri): \(status)")
            }
        }
        #expect(try ConfigAsCode(store: scene.store, host: ProductChecks().host).export(withSecrets: false).contains("cron: \"0 3 * * *\""))
    }

    @Test("the status page shows public checks only, grouped by tag, no messages by default; /status/{tag} filters; an unknown tag is 404")
    func statusPage() async throws {
        let scene = try Scene()
        try await serve(scene.pages(StatusPageSettings(title: "Example <status>", footer: "run by ops")) ) { client in
            let (status, page) = try await get(client, "/status")
            #expect(status == .ok)
            #expect(page.contains("<h1>Example &lt;status&gt;</h1>") && page.contains("<footer>run by ops</footer>"))
            #expect(page.contains("<span class=\"name\">api</span> <span class=\"state offline\">down</span>"))
            #expect(!page.contains("db private"), "a private check is absent")
            #expect(page.contains("<h2>eu</h2>") && page.contains("<h2>Other</h2>") && page.contains("1 of 2 down."))
            #expect(page.contains("api: \(WebFormat(zone: "UTC").time(scene.now - 120 * 60_000)) – ongoing"))
            #expect(!page.contains("connection refused"), "messages are hidden by default")
            #expect(!page.contains("/checks/"), "no link into the guarded pages")
            let (_, eu) = try await get(client, "/status/eu")
            #expect(eu.contains(">api</span>") && !eu.contains("&lt;script&gt;") && !eu.contains("db private"))
            let (missing, _) = try await get(client, "/status/nope")
            #expect(missing == .notFound)
        }
        try await serve(scene.pages(StatusPageSettings(showMessages: true))) { client in
            let (_, page) = try await get(client, "/status")
            #expect(page.contains("connection refused &lt;b&gt;"), "[status] showMessages = true shows them")
        }
    }

    @Test("the Atom feed is well-formed XML with the public incidents, even with control characters in messages")
    func feed() async throws {
        let scene = try Scene()
        for settings in [StatusPageSettings(), StatusPageSettings(title: "T & <t>", showMessages: true)] {
            try await serve(scene.pages(settings)) { client in
                let response = try await client.execute(uri: "/status/feed.atom", method: .get)
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
                let xml = String(buffer: response.body)
                let entries = try Self.atomEntries(Data(xml.utf8))
                #expect(entries.count == 2, "\(xml)")
                #expect(entries.first?.hasPrefix("api is down") == true && entries.last?.hasPrefix("api was down for 16h 45m") == true, "\(entries)")
                #expect(xml.contains("/status/feed.atom\"/>"), "the self link")
                #expect(xml.contains("connection refused") == settings.showMessages)
                #expect(!xml.contains("db private"))
            }
        }
    }

    @Test("no page shows a check's password or a contact's token")
    func noSecrets() async throws {
        let scene = try Scene()
        #expect(try scene.store.checkRow(scene.api)?.data.contains(Self.secret) == true, "the secret is stored, so its absence below means something")
        try await serve(scene.pages(StatusPageSettings(showMessages: true))) { client in
            for uri in ["/", "/?tag=eu", "/checks/\(scene.api)", "/checks/\(scene.db)", "/status", "/status/eu", "/status/feed.atom"] {
                let (status, page) = try await get(client, uri)
                #expect(status == .ok, "\(uri)")
                #expect(!page.contains(Self.secret) && !page.contains(Self.contactSecret), "\(uri) shows a secret")
            }
        }
    }

    @Test("the dashboard and check pages follow the access rule; the status page and feed are open")
    func access() async throws {
        let scene = try Scene()
        try await serve(scene.pages(), openReads: false) { client in
            for uri in ["/", "/checks/\(scene.api)"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther && response.headers[.location]?.hasPrefix("/login") == true && !String(buffer: response.body).contains("api"),
                        "\(uri): \(response.status), to sign in")
            }
            for uri in ["/status", "/status/eu", "/status/feed.atom"] {
                let (status, _) = try await get(client, uri)
                #expect(status == .ok, "\(uri)")
            }
        }
    }

    @Test("maintenance and silences show as overlays on the dashboard and the check page; active maintenance on the status page")
    func overlays() async throws {
        let scene = try Scene()
        let until = scene.now + 3_600_000
        _ = try scene.store.addMaintenance(MaintenanceRow(id: 0, name: "edge swap", scope: .check(scene.hostile), timing: .oneOff(start: scene.now - 60_000, end: until),
                                                          comment: "", createdBy: "alice", createdAt: scene.now), now: scene.now)
        _ = try scene.store.addSilence(SilenceRow(id: 0, scope: .tag("eu"), startsAt: scene.now - 60_000, expiresAt: until, comment: "noisy <eu>", createdBy: "bob",
                                                  createdAt: scene.now), now: scene.now)
        let format = WebFormat(zone: "UTC")
        try await serve(scene.pages()) { client in
            let (_, page) = try await get(client, "/")
            let rows = rows(page)
            #expect(rows[scene.hostile]?.contains("In maintenance (edge swap) until \(format.time(until))") == true, "\(rows[scene.hostile] ?? "")")
            #expect(rows[scene.db]?.contains("Silenced until \(format.time(until)): noisy &lt;eu&gt;") == true, "\(rows[scene.db] ?? "")")
            let (_, check) = try await get(client, "/checks/\(scene.api)")
            #expect(check.contains("<p class=\"overlay\">Silenced until"))
            let (_, status) = try await get(client, "/status")
            #expect(status.contains("<h2>Maintenance</h2>") && status.contains("maintenance until \(format.time(until))"), "\(status)")
            #expect(!status.contains("noisy"), "silences are the operators' business, not the public's")
        }
    }

    @Test("the dashboard shows the acting controller's rounds: the workers that disagree, out of how many are needed")
    func rounds() throws {
        let scene = try Scene()
        let rounds = CurrentRounds([
            scene.db: CheckRound(checkID: scene.db, status: .online, disagreeing: ["w2", "w1"], confirmations: 2, roundsDone: 1, roundsNeeded: 3),
            scene.api: CheckRound(checkID: scene.api, status: .offline, disagreeing: [], confirmations: 2, roundsDone: 0, roundsNeeded: 1),
        ])
        let page = try scene.pages().dashboard(DashboardQuery([:]), rounds: rounds)
        let rows = rows(page)
        #expect(rows[scene.db]?.contains("round: 2 of 2 needed disagree (w1, w2), round 2 of 3") == true, "\(rows[scene.db] ?? "")")
        #expect(rows[scene.api]?.contains("round: all agree") == true)
        #expect(rows.count == 3 && rows.filter { $0.value.contains("round: not scheduled by the controller") }.count == 1,
                "the controller answered without the third check: \(rows)")
    }

    @Test("a node without a store (the viewserver) answers 404 on every page, naming a worker's address")
    func unavailable() async throws {
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "v", password: nil, monitor: nil, alerting: nil, logger: quietLogger)
        WebRoutes.unavailable(on: server.open, reason: "the viewserver has no store, so it serves no pages; use a worker's address")
        try await server.application(services: []) {}.test(.router) { client in
            for uri in ["/", "/checks/1", "/status", "/status/eu", "/status/feed.atom"] {
                let (status, body) = try await get(client, uri)
                #expect(status == .notFound && body.contains("use a worker's address"), "\(uri): \(status) \(body)")
            }
        }
    }

    @Test("[status] title, footer and showMessages: README's defaults; a title too long or a showMessages that is not a boolean is refused at its line")
    func settings() throws {
        #expect(try StatusPageSettings.from(Config()) == StatusPageSettings(title: "Status", footer: "", showMessages: false))
        let set = try GcfgParser(file: "s.cfg").parse("[status]\ntitle = \"Acme <status>\"\nfooter = ops\nshowMessages = true\n")
        #expect(try StatusPageSettings.from(set) == StatusPageSettings(title: "Acme <status>", footer: "ops", showMessages: true))
        let long = try GcfgParser(file: "s.cfg").parse("[status]\ntitle = \(String(repeating: "t", count: 501))\n")
        let tooLong = #expect(throws: ConfigError.self) { try StatusPageSettings.from(long) }
        #expect(tooLong?.description.hasPrefix("s.cfg:2: [status] title: is 501 characters") == true, "\(tooLong.map { "\($0)" } ?? "")")
        let notBool = try GcfgParser(file: "s.cfg").parse("[status]\n\nshowMessages = sometimes\n")
        let refused = #expect(throws: ConfigError.self) { try StatusPageSettings.from(notBool) }
        #expect(refused?.description.hasPrefix("s.cfg:3: [status] showMessages") == true, "\(refused.map { "\($0)" } ?? "")")
    }

    /// The titles of the entries of an Atom document, or an error if it is not well-formed.
    static func atomEntries(_ data: Data) throws -> [String] {
        final class Titles: NSObject, XMLParserDelegate {
            var titles: [String] = []
            var inEntry = false
            var text: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "entry" { inEntry = true }
                if name == "title" && inEntry { text = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "title", let title = text { titles.append(title); text = nil }
                if name == "entry" { inEntry = false }
            }
        }
        let parser = XMLParser(data: data)
        let titles = Titles()
        parser.delegate = titles
        guard parser.parse() else { throw WebFeedNotXML(reason: parser.parserError.map { "\($0)" } ?? "unknown") }
        return titles.titles
    }
}

/// A feed that did not parse.
struct WebFeedNotXML: Error {
    let reason: String
}

/// The dashboard at scale: 10,000 checks with 90 days of daily aggregates and a day of hourly
/// ones. It asserts what must hold whatever the machine (a page of 50, a bounded page weight)
/// and prints how long the pages took; the time goals are README's benchmark figures.
@Suite("web pages at scale")
struct WebScaleTests {
    @Test("10,000 checks with 90 days of history: the dashboard shows 50 of them in a page of bounded weight")
    func tenThousandChecks() async throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let today = DayCalendar.utc.day(of: now)
        let hour = now - now % 3_600_000
        try store.database.transaction { tx in
            for id in Int64(1)...10_000 {
                try tx.execute("INSERT INTO checks (id, name, type, data, check_interval, delay, status, enabled) VALUES (?, ?, 'tcp', '{\"address\":\"127.0.0.1:9\"}', 60, 1, ?, 1)",
                               [.int(id), .text("check \(id)"), .text(id % 10 == 0 ? "offline" : "online")])
                for day in (today - 89)...today {
                    try tx.execute("INSERT INTO check_daily (check_id, day, results, online, latency_sum, latency_min, latency_max, first_at, last_at) VALUES (?, ?, 1440, ?, 14400, 5, 20, 0, 0)",
                                   [.int(id), .int(day), .int(day % 7 == id % 7 ? 1_400 : 1_440)])
                }
                for index in 0..<24 {
                    try tx.execute("INSERT INTO check_hourly (check_id, hour_start, results, online, latency_sum, latency_min, latency_max, first_at, last_at) VALUES (?, ?, 60, 60, 600, 5, 20, 0, 0)",
                                   [.int(id), .int(hour - Int64(index) * 3_600_000)])
                }
            }
        }
        let pages = WebPages(catalog: LocalCatalog(store: store, host: ProductChecks().host), days: .utc, settings: StatusPageSettings(), now: { now })
        var timings: [String] = []
        var page = ""
        for query in [["status": "offline"], [:], ["q": "check 99", "page": "2"]] {
            let started = Date()
            page = try pages.dashboard(DashboardQuery(query))
            timings.append("\(query): \(Int(Date().timeIntervalSince(started) * 1000)) ms, \(page.utf8.count / 1024) KiB")
        }
        print("dashboard with 10,000 checks and 90 days: " + timings.joined(separator: "; "))
        let full = try pages.dashboard(DashboardQuery([:]))
        #expect(full.components(separatedBy: "<tr class=\"check ").count - 1 == WebPages.pageSize)
        #expect(full.contains("Page 1 of 200") && full.contains("10000 checks: 9000 online, 1000 offline"))
        #expect(full.utf8.count < 256 * 1024, "the page weighs \(full.utf8.count) bytes")
    }
}
