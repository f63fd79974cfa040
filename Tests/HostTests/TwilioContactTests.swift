import BearmonSystem
import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// The twilio plugin's `sms` and `voice` against server.py playing Twilio's REST API on
/// loopback: it checks the path, the basic auth and the form, and answers with a sid or with
/// Twilio's error JSON.
@Suite("twilio contacts")
struct TwilioContactTests {
    /// What server.py accepts.
    static let accountSID = "ACbearmon0test"
    static let authToken = "twilio-s3cret-token"

    let directory: TempDirectory
    let twilio: FixtureHTTPServer
    let contacts: ProductContacts

    init() async throws {
        directory = try TempDirectory("bearmon-twilio")
        twilio = try await FixtureHTTPServer.recorder()
        contacts = try ProductContacts(config: Self.config(baseURL: twilio.url("")))
    }

    static func config(baseURL: String, token: String = authToken) -> String {
        """
        [twilio]
        accountSid = \(accountSID)
        authToken = \(token)
        from = +15550001111
        baseURL = \(baseURL)
        """
    }

    @Test("an sms says what a catch-up, a removal and a test are, instead of 'is now'")
    func kindsInWords() async throws {
        var catchUp = NotificationEvent.sample()
        catchUp.kind = "catch_up"
        catchUp.count = 7
        catchUp.detail = "offline since 2026-03-29T01:00:00Z; 7 notifications held by budget 3/h"
        var removed = NotificationEvent.sample()
        removed.kind = "removed"
        removed.status = "online"
        removed.detail = "check 42 was deleted"
        var test = NotificationEvent.sample()
        test.kind = "test"
        for event in [catchUp, removed, test] {
            let outcome = try await contacts.deliver("sms", "+15551234567", event)
            #expect(outcome.status == .delivered, "\(outcome.error)")
        }
        let bodies = twilio.recorded.compactMap { ($0["form"] as? [String: String])?["Body"] }
        #expect(bodies == [
            "Check [web] is offline (offline since 2026-03-29T01:00:00Z; 7 notifications held by budget 3/h): connection refused",
            "Check [web] is no longer monitored for you: check 42 was deleted.",
            "[test] Check [web] is now offline: connection refused",
        ])
    }

    @Test("an sms of an outage ends with the acknowledge link, whole; none without one, on an online, or in a call")
    func acknowledgeLink() async throws {
        let link = "https://bearmon.example/ack/42.1700000000.c2ln"
        var outage = NotificationEvent.sample()
        outage.ackURL = link
        var recovered = NotificationEvent.sample(status: "online", message: "200 OK")
        recovered.ackURL = link
        for event in [outage, .sample(), recovered] {
            let outcome = try await contacts.deliver("sms", "+15551234567", event)
            #expect(outcome.status == .delivered, "\(outcome.error)")
        }
        #expect(try await contacts.deliver("voice", "+15551234567", outage).status == .delivered)
        let forms = twilio.recorded.compactMap { $0["form"] as? [String: String] }
        try #require(forms.count == 4)
        #expect(forms.prefix(3).map { $0["Body"] } == [
            "Check [web] is now offline: connection refused\nAcknowledge: \(link)",
            "Check [web] is now offline: connection refused",
            "Check [web] is now online.",
        ])
        #expect(forms[3]["Twiml"]?.contains("Acknowledge") == false && forms[3]["Twiml"]?.contains(link) == false, "a call never reads a link out")
    }

    @Test("an sms keeps within 1,600 characters and never cuts the link: a long message makes room, a 2,000-character link is dropped")
    func acknowledgeLinkLimits() async throws {
        let link = "https://bearmon.example/ack/42.1700000000.c2ln"
        var wordy = NotificationEvent.sample(message: String(repeating: "x", count: 3000))
        wordy.ackURL = link
        var huge = NotificationEvent.sample()
        huge.ackURL = "https://bearmon.example/ack/" + String(repeating: "a", count: 2000)
        var spaced = NotificationEvent.sample()
        spaced.ackURL = link + "\nStatus: fine"
        for event in [wordy, huge, spaced] {
            let outcome = try await contacts.deliver("sms", "+15551234567", event)
            #expect(outcome.status == .delivered, "\(outcome.error)")
        }
        let bodies = twilio.recorded.compactMap { ($0["form"] as? [String: String])?["Body"] }
        try #require(bodies.count == 3)
        #expect(bodies[0].count == 1600, "\(bodies[0].count)")
        #expect(bodies[0].hasPrefix("Check [web] is now offline: xxx") && bodies[0].hasSuffix("x\nAcknowledge: \(link)"))
        #expect(bodies[1] == "Check [web] is now offline: connection refused", "the line is dropped, not cut")
        #expect(bodies[2] == "Check [web] is now offline: connection refused", "a link with a line break is no link")
    }

    @Test("sms POSTs To, From and Body to Messages.json with basic auth; the sid is the receipt")
    func sms() async throws {
        let outcome = try await contacts.deliver("sms", "+15551234567")
        #expect(outcome.status == .delivered, "\(outcome.error)")
        let request = try #require(twilio.recorded.first)
        #expect(request["path"] as? String == "/2010-04-01/Accounts/\(Self.accountSID)/Messages.json")
        #expect(request["method"] as? String == "POST")
        let headers = request["headers"] as? [String: String] ?? [:]
        let basic = "Basic " + Data("\(Self.accountSID):\(Self.authToken)".utf8).base64EncodedString()
        #expect(headers["authorization"] == basic)
        #expect(headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(request["form"] as? [String: String] == [
            "To": "+15551234567", "From": "+15550001111", "Body": "Check [web] is now offline: connection refused",
        ])
        #expect(request["reply_status"] as? Int == 201)
        let sid = try #require(request["sid"] as? String)
        #expect(sid.hasPrefix("SM"))
        #expect(outcome.receipt == sid)
    }

    @Test("voice POSTs to Calls.json with inline TwiML that says the message, XML-escaped")
    func voice() async throws {
        let event = NotificationEvent.sample(message: #"5 > 3 & "quotes" <b>"#, name: "db & cache")
        let outcome = try await contacts.deliver("voice", "+15551234567", event)
        #expect(outcome.status == .delivered, "\(outcome.error)")
        let request = try #require(twilio.recorded.first)
        #expect(request["path"] as? String == "/2010-04-01/Accounts/\(Self.accountSID)/Calls.json")
        let form = request["form"] as? [String: String] ?? [:]
        #expect(form["To"] == "+15551234567")
        #expect(form["From"] == "+15550001111")
        #expect(form["Twiml"] == #"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Check [db &amp; cache] is now offline: 5 &gt; 3 &amp; &quot;quotes&quot; &lt;b&gt;</Say></Response>"#)
        #expect(form["Url"] == nil)
        let sid = try #require(request["sid"] as? String)
        #expect(sid.hasPrefix("CA"))
        #expect(outcome.receipt == sid)
    }

    @Test("Twilio's error JSON becomes the error text: a 400 is permanent, a 500 is retry")
    func errors() async throws {
        let invalid = try await contacts.deliver("sms", "+15005550400")
        #expect(invalid.status == .permanent)
        #expect(invalid.error == "Twilio error 21211: The 'To' number +15005550400 is not a valid phone number. (HTTP 400)")
        #expect(invalid.receipt == nil)
        let broken = try await contacts.deliver("voice", "+15005550500")
        #expect(broken.status == .retry)
        #expect(broken.error == "Twilio error 20500: An internal server error has occurred (HTTP 500)")
    }

    @Test("a rejected auth token is permanent, and the token is in no error")
    func wrongToken() async throws {
        let wrong = try ProductContacts(config: Self.config(baseURL: twilio.url(""), token: "not-the-token-77"))
        let outcome = try await wrong.deliver("sms", "+15551234567")
        #expect(outcome.status == .permanent)
        #expect(outcome.error == "Twilio error 20003: Authenticate (HTTP 401)")
        #expect(!outcome.error.contains("not-the-token-77"))
    }

    @Test("Twilio out of reach is retry")
    func unreachable() async throws {
        let port = try refusedPort()
        let down = try ProductContacts(config: Self.config(baseURL: "http://127.0.0.1:\(port)"))
        let outcome = try await down.deliver("sms", "+15551234567")
        #expect(outcome.status == .retry)
        #expect(outcome.error.hasPrefix("cannot reach Twilio at http://127.0.0.1:\(port)/: "), "\(outcome.error)")
    }

    @Test("a missing [twilio] key is permanent and named")
    func missingKey() async throws {
        let outcome = try await ProductContacts(config: "[twilio]\naccountSid = AC1\nfrom = +1555").deliver("sms", "+15551234567")
        #expect(outcome.status == .permanent)
        #expect(outcome.error == "[twilio] authToken is not set in the config file")
    }

    @Test("the daemon's outbox records a delivered SMS's sid in charges")
    func chargeRecorded() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: directory.file("charges.sqlite")))
        try store.migrate()
        _ = try store.raiseView(to: 1, holder: "test")
        let check = try store.addCheck(NewCheck(name: "web", type: "http", data: #"{"url":"http://127.0.0.1/"}"#))
        let contact = try store.addContact(type: "sms", data: "+15551234567")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: .offline, message: "down",
                                             time: wallMilliseconds(), checkName: "web", checkType: "http", maskedData: "{}"), view: 1)
        let sender = OutboxSender(store: store, host: contacts.host, logger: quietLogger) { 1 }
        let deadline = Deadline.after(milliseconds: 30_000)
        while try store.outbox(states: [.delivered]).isEmpty, !deadline.hasPassed {
            await sender.sendDue()
            try await Task.sleep(for: .milliseconds(50))
        }
        let sid = try #require(twilio.recorded.first?["sid"] as? String)
        let charges = try store.database.query("SELECT check_id, type, data FROM charges").map { [$0.int(0), $0.string(1), $0.string(2)] as [AnyHashable] }
        #expect(charges == [[check, "sms", sid]])
    }
}
