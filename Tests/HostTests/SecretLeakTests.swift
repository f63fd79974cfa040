import Foundation
import Glibc
import Testing
@testable import BearmonCLI
@testable import BearmonCore
@testable import BearmonStore
@testable import BearmonSystem

/// Issue 18, "Secrets leak": an http check with an `Authorization: Bearer` header, URL
/// credentials and a `?token=` value, alerting a webhook whose path is its secret, run by a
/// real standalone node. Everything an outsider or a log reader sees is searched for the secrets.
@Suite("secrets never leak")
struct SecretLeakTests {
    static let bearer = "BEARERsecret4567890"
    static let token = "TOKENsecret123456"
    static let password = "PASSWORDsecret99"
    static let body = "BODYsecret-grant=abc"
    static let hookPath = "HOOKsecretPATH77"
    static var secrets: [String] { [bearer, token, password, body, hookPath] }

    private func leaks(_ text: String) -> [String] { Self.secrets.filter { text.contains($0) } }

    private func bearmon(_ arguments: [String]) throws -> CommandResult {
        try Command.runBlocking(TestPaths.bearmon, arguments)
    }

    @Test("checks list, contacts list, /v1/checks, result messages, flips, the log and a real webhook's notifications never hold a secret; the checks keep running")
    func nothingLeaks() async throws {
        let dir = try TempDirectory()
        for name in ["http", "webhook"] {
            try FileManager.default.copyItem(atPath: TestPaths.plugin(name), toPath: dir.file("libbearmon-\(name).so"))
        }
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        let receiver = try await FixtureHTTPServer.recorder()
        defer { receiver.stop() }
        let db = dir.file("bearmon.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let down = try refusedPort()
        let headers = #""headers":{"Authorization":"Bearer \#(Self.bearer)"}"#
        let offline = try store.addCheck(NewCheck(
            name: "down", type: "http",
            data: #"{"url":"http://bob:\#(Self.password)@127.0.0.1:\#(down)/x?token=\#(Self.token)&page=1",\#(headers),"body":"\#(Self.body)","timeout":3}"#,
            interval: 1, delay: 0))
        let online = try store.addCheck(NewCheck(
            name: "up", type: "http",
            data: #"{"url":"\#(receiver.url("/status/200"))?access_token=\#(Self.token)",\#(headers),"expect_status":200}"#,
            interval: 1, delay: 0))
        let contact = try store.addContact(type: "webhook", data: #"{"url":"\#(receiver.url("/record/\(Self.hookPath)"))","headers":{"X-Api-Key":"\#(Self.bearer)"}}"#)
        _ = try store.addAlert(checkID: offline, contactID: contact, type: .both)
        // A third-party plugin that quotes a URL with credentials in its message: the host masks it.
        let quoting = try store.addCheck(NewCheck(
            name: "quoting", type: "fixture",
            data: #"{"mode":"offline","message":"GET https://bob:\#(Self.password)@h.example/?api_key=\#(Self.token) failed"}"#, interval: 1, delay: 0))
        _ = try store.addAlert(checkID: quoting, contactID: contact, type: .both)

        let node = try await offPool { try NodeProcess(["standalone", "--db", "sqlite:\(db)", "--plugins", dir.path], log: dir.file("node.log")) }
        defer { node.process.stop() }
        let notified = try await offPool { waitUntil(timeout: 60) { Set(WebhookNotes(receiver).fields.compactMap { $0["name"] as? String }).isSuperset(of: ["down", "quoting"]) } }
        #expect(notified, "no notification: \(node.process.log.suffix(2000))")
        let bothRan = try await offPool {
            waitUntil(timeout: 30) {
                let checks = (try? node.status().checks) ?? []
                return checks.count == 3 && checks.allSatisfy { $0.lastResult != nil } && checks.first { $0.id == online }?.status == "online"
            }
        }
        #expect(bothRan, "monitoring did not carry on: \((try? node.status().checks) ?? [])")

        // What the receiver got: the masked data and message, and nothing secret in the body.
        let note = try #require(WebhookNotes(receiver).fields.first { $0["name"] as? String == "down" })
        let noteText = String(decoding: try JSONSerialization.data(withJSONObject: note), as: UTF8.self)
        #expect(leaks(noteText).isEmpty, "\(noteText)")
        #expect((note["data"] as? String ?? "").contains(SecretMask.mask))
        #expect((note["message"] as? String ?? "").contains("token=\(SecretMask.mask)&page=1"), "\(note)")
        let quotedNote = WebhookNotes(receiver).fields.first { $0["name"] as? String == "quoting" }
        #expect(quotedNote?["message"] as? String == "GET https://\(SecretMask.mask)@h.example/?api_key=\(SecretMask.mask) failed", "\(String(describing: quotedNote))")
        for request in receiver.recorded {
            #expect(leaks(request["body"] as? String ?? "").isEmpty)
        }

        // /v1/checks as an anonymous client reads it.
        let (status, raw) = try node.get("/v1/checks")
        #expect(status == 200)
        let v1 = String(decoding: raw, as: UTF8.self)
        #expect(leaks(v1).isEmpty, "\(v1)")
        #expect(v1.contains("\(SecretMask.mask)@127.0.0.1"), "the result message names the URL, masked: \(v1)")

        // The CLI, as text and JSON.
        for arguments in [["checks", "list"], ["checks", "list", "--json"], ["checks", "show", String(offline)], ["contacts", "list"], ["contacts", "list", "--json"]] {
            let listed = try bearmon(arguments + ["--db", "sqlite:\(db)", "--plugins", dir.path])
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(leaks(listed.stdout + listed.stderr).isEmpty, "\(arguments): \(listed.stdout)")
        }
        let contacts = try bearmon(["contacts", "list", "--db", "sqlite:\(db)", "--plugins", dir.path])
        #expect(contacts.stdout.contains("127.0.0.1:\(receiver.port)/\(SecretMask.mask)"), "\(contacts.stdout)")

        // Stored history and the node's own log.
        for row in try store.database.query("SELECT message FROM check_flips UNION ALL SELECT message FROM check_results") {
            #expect(leaks(row.string(0)).isEmpty, "\(row.string(0))")
        }
        for row in try store.database.query("SELECT check_data, last_error FROM alert_outbox") {
            #expect(leaks(row.string(0) + row.string(1)).isEmpty)
        }
        #expect(leaks(node.process.log).isEmpty, "\(node.process.log.suffix(2000))")
    }

    @Test("checks edit with data copied from checks list keeps every masked secret and takes the rest; a mask with nothing behind it is refused")
    func editWithMask() async throws {
        let dir = try TempDirectory()
        try FileManager.default.copyItem(atPath: TestPaths.plugin("http"), toPath: dir.file("libbearmon-http.so"))
        let db = dir.file("bearmon.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let original = #"{"url":"https://bob:\#(Self.password)@example.com/x?token=\#(Self.token)&page=1","headers":{"Authorization":"Bearer \#(Self.bearer)"},"body":"\#(Self.body)"}"#
        let id = try store.addCheck(NewCheck(name: "api", type: "http", data: original, interval: 60, delay: 0))
        let listed = try bearmon(["checks", "list", "--json", "--db", "sqlite:\(db)", "--plugins", dir.path])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let shown = try #require(rows.first?["data"] as? String)
        #expect(leaks(shown).isEmpty, "\(shown)")
        // The user changes the page and the expected status, and sends the rest back as shown.
        let edited = shown.replacingOccurrences(of: "page=1", with: "page=2").replacingOccurrences(of: "}", with: #","expect_status":204}"#)
        let result = try bearmon(["checks", "edit", String(id), "--data", edited, "--db", "sqlite:\(db)", "--plugins", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        let stored = try #require(try store.checkRow(id)).data
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
        #expect(object["url"] as? String == "https://bob:\(Self.password)@example.com/x?token=\(Self.token)&page=2")
        #expect(object["headers"] as? [String: String] == ["Authorization": "Bearer \(Self.bearer)"])
        #expect(object["body"] as? String == Self.body)
        #expect(object["expect_status"] as? Int == 204)

        let refused = try bearmon(["checks", "edit", String(id), "--data", #"{"url":"https://example.com/?sig=\#(SecretMask.mask)"}"#, "--db", "sqlite:\(db)", "--plugins", dir.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("'sig'"), "\(refused.stderr)")
        #expect(try store.checkRow(id)?.data == stored, "a refused edit changes nothing")
    }
}
