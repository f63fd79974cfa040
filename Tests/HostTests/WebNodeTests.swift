import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// The web pages of a real standalone node running real checks against loopback targets:
/// what a person sees once the node has run them, with closed reads.
@Suite("web pages on a running node")
struct WebNodeTests {
    static let secret = "hunter2-node-secret"

    @Test("an offline check is shown offline with its incident, tag filters work, a private check is absent from /status, the feed is XML, no secret anywhere")
    func standalone() async throws {
        let target = try LoopbackServer(behaviour: .acceptAndClose)
        defer { target.stop() }
        let closed = try refusedPort()
        let node = try AccessNode(config: "[api]\nopenReads = false\n[status]\ntitle = Node status\nfooter = web test\n")
        let reader = node.bearer("reader"), writer = node.bearer("writer")
        func create(_ body: String) throws -> Int64 {
            let answer = try node.call("POST", "/api/v1/checks", headers: writer, body: body)
            #expect(answer.code == 201, "\(answer.code) \(String(decoding: answer.data, as: UTF8.self))")
            return (answer.object["id"] as? NSNumber)?.int64Value ?? 0
        }
        let down = try create(#"{"name":"edge api","type":"http","data":{"url":"http://127.0.0.1:\#(closed)/","password":"\#(Self.secret)"},"interval":1,"delay":0,"tags":["edge"],"public":true}"#)
        let up = try create(#"{"name":"edge tcp","type":"tcp","data":{"address":"127.0.0.1:\#(target.port)"},"interval":1,"delay":0,"tags":["edge"],"public":true}"#)
        let hidden = try create(#"{"name":"internal db","type":"tcp","data":{"address":"127.0.0.1:\#(target.port)"},"interval":1,"delay":0,"tags":["internal"]}"#)
        @Sendable func page(_ path: String, _ headers: [String: String] = [:]) throws -> (Int, String) {
            let (code, data) = try HTTPTestClient.request("http://\(node.node.address)\(path)", headers: headers, timeout: 10)
            return (code, String(decoding: data, as: UTF8.self))
        }
        // Generous: the point is what the pages show once the checks have run, not how fast.
        let settled = try await offPool {
            waitUntil(timeout: 60) {
                guard let (_, dashboard) = try? page("/", reader) else { return false }
                return dashboard.contains("data-check=\"\(down)\"><td><span class=\"state offline\">")
                    && dashboard.contains("data-check=\"\(up)\"><td><span class=\"state online\">")
                    && dashboard.contains("data-check=\"\(hidden)\"><td><span class=\"state online\">")
            }
        }
        let seen = (try? page("/", reader).1) ?? ""
        #expect(settled, "the dashboard never showed the checks' states: \(seen.prefix(3_000))")

        // Without a token while reads are closed, the browser is sent to sign in (the client follows the 303).
        let (refused, signIn) = try page("/")
        #expect(refused == 200 && signIn.contains("<form method=\"post\" action=\"/login\">") && !signIn.contains("data-check="),
                "the dashboard without a token while reads are closed: \(refused) \(signIn.prefix(500))")
        let (_, edge) = try page("/?tag=edge", reader)
        #expect(edge.contains("data-check=\"\(down)\"") && edge.contains("data-check=\"\(up)\"") && !edge.contains("data-check=\"\(hidden)\""))
        let (_, offline) = try page("/?status=offline", reader)
        #expect(offline.contains("data-check=\"\(down)\"") && !offline.contains("data-check=\"\(up)\""))

        let (checkCode, check) = try page("/checks/\(down)", reader)
        #expect(checkCode == 200 && check.contains("<h1>edge api</h1>") && check.contains(" – ongoing"), "its incident: \(check.prefix(3_000))")
        // Results reach the aggregates in batches: wait for today's bar.
        let red = try await offPool { waitUntil(timeout: 60) { (try? page("/checks/\(down)", reader).1.contains("class=\"down\"")) == true } }
        #expect(red, "today's bar never turned red")

        let (statusCode, status) = try page("/status")
        #expect(statusCode == 200 && status.contains("<h1>Node status</h1>") && status.contains("<footer>web test</footer>"))
        #expect(status.contains("<span class=\"name\">edge api</span> <span class=\"state offline\">down</span>"))
        #expect(status.contains("<span class=\"name\">edge tcp</span> <span class=\"state online\">operational</span>"))
        #expect(!status.contains("internal db"), "a private check is on the public page")
        #expect(status.contains("edge api: ") && status.contains(" – ongoing"), "the incident on the status page")
        let (tagCode, tagged) = try page("/status/edge")
        #expect(tagCode == 200 && tagged.contains("edge api"))
        #expect(try page("/status/internal").0 == 404, "a tag only private checks have")

        let (feedCode, feed) = try page("/status/feed.atom")
        #expect(feedCode == 200)
        let entries = try WebRoutesTests.atomEntries(Data(feed.utf8))
        #expect(entries.contains("edge api is down"), "\(feed)")

        for path in ["/", "/?tag=edge", "/checks/\(down)", "/checks/\(up)", "/status", "/status/edge", "/status/feed.atom"] {
            let (_, text) = try page(path, reader)
            #expect(!text.contains(Self.secret), "\(path) shows the check's password")
        }
        #expect(!node.node.process.log.contains(Self.secret))
    }
}
