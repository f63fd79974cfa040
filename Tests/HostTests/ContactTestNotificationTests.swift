import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// `bearmon contacts test ID` and `POST /api/v1/contacts/{id}/test`: one `test` notification
/// through the outbox to a real webhook receiver, reported with its event id; a receiver that
/// refuses the connection is reported failed with the reason (exit status 1), secrets never
/// shown; a missing contact is a clear refusal.
@Suite("test notifications")
struct ContactTestNotificationTests {
    /// A webhook URL on a loopback port nothing listens on, with a password and a header
    /// secret that must not show in any report.
    private static func refusingContact() throws -> String {
        #"{"url":"http://alice:hunter2@127.0.0.1:\#(try LoopbackPort.unused())/hook","headers":{"Authorization":"Bearer s3cret-header"}}"#
    }

    /// The report's `key:` line value.
    private static func field(_ key: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(key + ":") }.map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// The outbox row of the test with `eventID`.
    private static func row(_ store: any Store, _ eventID: String) throws -> OutboxEntry? {
        try store.outbox(states: [.pending, .delivered, .failed]).first { $0.eventID == eventID }
    }

    @Test("--db: the receiver gets one test notification (kind test, status online) with the printed event id; a refused connection is failed, exit 1, with the reason and no secret")
    func throughTheDatabase() async throws {
        let dir = try TempDirectory("bearmon-contact-test")
        let receiver = try await FixtureHTTPServer.recorder()
        let db = dir.file("test.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        let good = try store.addContact(type: "webhook", data: receiver.url("/record"))
        let bad = try store.addContact(type: "webhook", data: try Self.refusingContact())

        let sent = try await Command.bearmon(["contacts", "test", String(good), "--db", "sqlite:\(db)"])
        #expect(sent.status == 0, "\(sent.stdout)\(sent.stderr)")
        #expect(Self.field("outcome", in: sent.stdout) == "delivered", "\(sent.stdout)")
        let eventID = try #require(Self.field("event_id", in: sent.stdout))
        let notes = WebhookNotes(receiver)
        #expect(notes.eventIDs == [eventID], "the receiver got \(notes.fields)")
        #expect(notes.fields.first?["kind"] as? String == "test" && notes.statuses == ["online"], "\(notes.fields)")
        let delivered = try #require(try Self.row(store, eventID))
        #expect(delivered.kind == .test && delivered.state == .delivered && delivered.attempts == 1 && delivered.contactID == good)

        let failed = try await Command.bearmon(["contacts", "test", String(bad), "--db", "sqlite:\(db)"])
        #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
        #expect(Self.field("outcome", in: failed.stdout) == "failed", "\(failed.stdout)")
        let reason = try #require(Self.field("error", in: failed.stdout))
        #expect(reason.lowercased().contains("refused") || reason.lowercased().contains("connect"), "\(reason)")
        for secret in ["hunter2", "s3cret-header"] { #expect(!(failed.stdout + failed.stderr).contains(secret), "\(secret) is shown: \(failed.stdout)") }
        let failedID = try #require(Self.field("event_id", in: failed.stdout))
        let failedRow = try #require(try Self.row(store, failedID))
        #expect(failedRow.state == .failed && failedRow.attempts == 1 && !failedRow.lastError.isEmpty)
        #expect(WebhookNotes(receiver).eventIDs == [eventID], "a failed test reached the good receiver")

        let missing = try await Command.bearmon(["contacts", "test", "999", "--db", "sqlite:\(db)"])
        #expect(missing.status == 1 && missing.stderr.contains("contact 999 does not exist"), "\(missing.stdout)\(missing.stderr)")
        let zero = try await Command.bearmon(["contacts", "test", "0", "--db", "sqlite:\(db)"])
        #expect(zero.status == 1 && zero.stderr.contains("contact 0 does not exist"), "\(zero.stderr)")
        #expect(try store.outbox(states: [.pending]).isEmpty, "a test row was left pending")
    }

    @Test("in process: a contact of a type no plugin registers, or with data its type refuses, is failed naming why; parallel tests each get their own event id")
    func hostileContacts() async throws {
        let (store, keep) = try StoreBackend.sqlite.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = LocalCatalog(store: store, host: ProductChecks().host)
        let unknown = try store.addContact(type: "carrier-pigeon", data: "coo")
        let refused = try store.addContact(type: "webhook", data: "ftp://127.0.0.1/not-http")
        let receiver = try await FixtureHTTPServer.recorder()
        let good = try store.addContact(type: "webhook", data: receiver.url("/record"))
        let reports = try await offPool { () -> [TestNotificationResource] in
            let first = try catalog.testContact(unknown)
            let second = try catalog.testContact(refused)
            return [first, second]
        }
        #expect(reports[0].outcome == "failed" && reports[0].error?.contains("carrier-pigeon") == true, "\(reports[0])")
        #expect(reports[1].outcome == "failed" && !(reports[1].error ?? "").isEmpty, "\(reports[1])")
        let parallel = try await withThrowingTaskGroup(of: TestNotificationResource.self) { group in
            for _ in 0..<5 { group.addTask { try await offPool { try catalog.testContact(good) } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(parallel.allSatisfy(\.delivered) && Set(parallel.map(\.eventID)).count == 5, "\(parallel)")
        #expect(Set(WebhookNotes(receiver).eventIDs) == Set(parallel.map(\.eventID)))
        #expect(try store.outbox(states: [.pending]).isEmpty)
    }

    @Test("a node's API: 200 with the outcome (delivered, or failed with the reason), 404 for a missing contact, 403 for a read token; --api prints the same and exits 1 on failure")
    func throughANode() async throws {
        let node = try await offPool { try AccessNode() }
        let receiver = try await FixtureHTTPServer.recorder()
        let store = try node.store()
        let good = try store.addContact(type: "webhook", data: receiver.url("/record"))
        let bad = try store.addContact(type: "webhook", data: try Self.refusingContact())

        let answer = try await offPool { try node.call("POST", "/api/v1/contacts/\(good)/test", headers: node.bearer("writer")) }
        #expect(answer.code == 200, "\(answer.shown)")
        let report = try #require(try? CatalogJSON.decoder.decode(TestNotificationResource.self, from: answer.data), "\(answer.shown)")
        #expect(report.outcome == "delivered" && report.contactID == good && report.error == nil, "\(answer.shown)")
        #expect(WebhookNotes(receiver).eventIDs == [report.eventID])

        let refused = try await offPool { try node.call("POST", "/api/v1/contacts/\(bad)/test", headers: node.bearer("writer")) }
        #expect(refused.code == 200, "\(refused.shown)")
        let failure = try #require(try? CatalogJSON.decoder.decode(TestNotificationResource.self, from: refused.data), "\(refused.shown)")
        #expect(failure.outcome == "failed" && !(failure.error ?? "").isEmpty, "\(refused.shown)")
        for secret in ["hunter2", "s3cret-header"] { #expect(!refused.shown.contains(secret), "\(secret) is shown: \(refused.shown)") }
        #expect(try Self.row(store, failure.eventID)?.state == .failed)

        let missing = try await offPool { try node.call("POST", "/api/v1/contacts/999/test", headers: node.bearer("writer")) }
        #expect(missing.code == 404 && missing.shown.contains("contact 999 does not exist"), "\(missing.code) \(missing.shown)")
        let reader = try await offPool { try node.call("POST", "/api/v1/contacts/\(good)/test", headers: node.bearer("reader")) }
        #expect(reader.code == 403, "a read token sent a test: \(reader.code) \(reader.shown)")
        let word = try await offPool { try node.call("POST", "/api/v1/contacts/abc/test", headers: node.bearer("writer")) }
        #expect(word.code == 400, "\(word.code) \(word.shown)")
        let stray = try await offPool { try node.call("POST", "/api/v1/contacts/\(good)/test?bogus=1", headers: node.bearer("writer")) }
        #expect(stray.code == 400 && stray.shown.contains("bogus"), "\(stray.code) \(stray.shown)")
        #expect(WebhookNotes(receiver).eventIDs == [report.eventID], "a refused request sent a notification")

        let api = ["--api", "http://\(node.node.address)"]
        let environment = ["BEARMON_TOKEN": node.token("writer")]
        let sent = try await Command.run(TestPaths.bearmon, ["contacts", "test", String(good)] + api, timeout: 60, environment: environment)
        #expect(sent.status == 0 && Self.field("outcome", in: sent.stdout) == "delivered", "\(sent.stdout)\(sent.stderr)")
        #expect(WebhookNotes(receiver).eventIDs.last == Self.field("event_id", in: sent.stdout))
        let failed = try await Command.run(TestPaths.bearmon, ["contacts", "test", String(bad)] + api, timeout: 60, environment: environment)
        #expect(failed.status == 1 && Self.field("outcome", in: failed.stdout) == "failed" && Self.field("error", in: failed.stdout) != nil,
                "\(failed.stdout)\(failed.stderr)")
        let gone = try await Command.run(TestPaths.bearmon, ["contacts", "test", "999"] + api, timeout: 60, environment: environment)
        #expect(gone.status == 1 && gone.stderr.contains("contact 999 does not exist"), "\(gone.stderr)")
        #expect(!node.node.process.log.contains("s3cret-header") && !node.node.process.log.contains("hunter2"), "a secret is in the node's log")
    }
}

extension JSONAnswer {
    /// The body as text, for messages.
    fileprivate var shown: String { String(decoding: data, as: UTF8.self) }
}
