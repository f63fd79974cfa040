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

/// The webhook plugin's `http` (gobearmon's form POST) and `webhook` (JSON or a template)
/// against server.py on loopback, which records what it receives.
@Suite("http and webhook contacts")
struct WebhookContactTests {
    let receiver: FixtureHTTPServer
    let contacts: ProductContacts

    init() async throws {
        receiver = try await FixtureHTTPServer.recorder()
        contacts = try ProductContacts()
    }

    /// The fields every notification carries, for `NotificationEvent.sample()`.
    static let sampleFields = [
        "check_id": "42", "name": "web", "type": "http", "data": #"{"password":"********","url":"http://127.0.0.1/health"}"#,
        "status": "offline", "message": "connection refused", "event_id": "evt-42-1",
    ]

    @Test("http POSTs gobearmon's form fields, event_id included")
    func form() async throws {
        let outcome = try await contacts.deliver("http", receiver.url("/record/form"))
        #expect(outcome.status == .delivered, "\(outcome.error)")
        let request = try #require(receiver.recorded.first)
        #expect(request["method"] as? String == "POST")
        #expect((request["headers"] as? [String: String])?["content-type"] == "application/x-www-form-urlencoded")
        #expect(request["form"] as? [String: String] == Self.sampleFields)
    }

    @Test("http follows a 302 and a 308 and POSTs the form again at each; the final 200 is delivered")
    func formFollowsRedirects() async throws {
        let next = "/goto/308?to=/record/final".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let outcome = try await contacts.deliver("http", receiver.url("/goto/302?to=\(next)"))
        #expect(outcome.status == .delivered, "\(outcome.error)")
        let requests = receiver.recorded
        try #require(requests.count == 3, "\(requests)")
        #expect(requests.map { $0["method"] as? String } == ["POST", "POST", "POST"])
        #expect(requests.last?["path"] as? String == "/record/final")
        for request in requests { #expect(request["form"] as? [String: String] == Self.sampleFields) }
    }

    @Test("webhook does not follow redirects: a 302 is permanent")
    func webhookDoesNotFollow() async throws {
        let outcome = try await contacts.deliver("webhook", receiver.url("/goto/302?to=/record/never"))
        #expect(outcome.status == .permanent, "\(outcome.error)")
        #expect(receiver.recorded.count == 1)
    }

    @Test("webhook POSTs the same fields as JSON, check_id a number, plus kind (flip), count, since and detail")
    func json() async throws {
        let outcome = try await contacts.deliver("webhook", receiver.url("/record/json"))
        #expect(outcome.status == .delivered, "\(outcome.error)")
        let request = try #require(receiver.recorded.first)
        #expect(request["method"] as? String == "POST")
        #expect((request["headers"] as? [String: String])?["content-type"] == "application/json")
        let body = try #require(JSONSerialization.jsonObject(with: Data((request["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect(body["check_id"] as? Int == 42)
        #expect(body["count"] as? Int == 0 && body["since"] as? Int == 0)
        #expect(body["escalation_level"] as? Int == 0 && body["fallback_from_contact_id"] as? Int == 0)
        var strings = Self.sampleFields
        strings["check_id"] = nil
        strings["kind"] = "flip"
        strings["detail"] = ""
        strings["acknowledged_by"] = ""
        strings["ack_url"] = ""
        #expect(body.filter { !["check_id", "count", "since", "escalation_level", "fallback_from_contact_id"].contains($0.key) } as? [String: String] == strings)
    }

    @Test("webhook data as an object: method, headers and a template rendered with JSON escaping")
    func template() async throws {
        let data = #"""
            {"url":"\#(receiver.url("/record/slack"))","method":"PUT","headers":{"Authorization":"Bearer hook-token-5"},
             "body_template":"{\"text\":\"{{name}} is {{ status }}: {{message}}\",\"id\":\"{{event_id}}\",\"check\":{{check_id}},\"why\":\"{{kind}}\"}"}
            """#
        var event = NotificationEvent.sample(message: "said \"no\"\nthen hung up", name: #"api "v2""#)
        event.kind = "catch_up"
        let outcome = try await contacts.deliver("webhook", data, event)
        #expect(outcome.status == .delivered, "\(outcome.error)")
        let request = try #require(receiver.recorded.first)
        #expect(request["method"] as? String == "PUT")
        let headers = request["headers"] as? [String: String] ?? [:]
        #expect(headers["authorization"] == "Bearer hook-token-5")
        #expect(headers["content-type"] == "application/json")
        let body = try #require(JSONSerialization.jsonObject(with: Data((request["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect(body["text"] as? String == "api \"v2\" is offline: said \"no\"\nthen hung up")
        #expect(body["id"] as? String == "evt-42-1")
        #expect(body["check"] as? Int == 42)
        #expect(body["why"] as? String == "catch_up", "{{kind}} is ABI 1.2's kind")
    }

    @Test("an acknowledge link (ABI 1.4) is ack_url in the JSON and in templates; the http form keeps gobearmon's fields only")
    func ackURL() async throws {
        let link = #"https://bearmon.example/ack/42.1700000000.c2ln?x=1&y="2""#
        var event = NotificationEvent.sample()
        event.ackURL = link
        let template = #"""
            {"url":"\#(receiver.url("/record/slack"))","body_template":"{\"text\":\"{{name}}: <{{ack_url}}|acknowledge>\"}"}
            """#
        for (type, data) in [("webhook", receiver.url("/record/json")), ("webhook", template), ("http", receiver.url("/record/form"))] {
            let outcome = try await contacts.deliver(type, data, event)
            #expect(outcome.status == .delivered, "\(type): \(outcome.error)")
        }
        let bodies = receiver.recorded.map { $0["body"] as? String ?? "" }
        try #require(bodies.count == 3)
        let json = try #require(JSONSerialization.jsonObject(with: Data(bodies[0].utf8)) as? [String: Any])
        #expect(json["ack_url"] as? String == link)
        let rendered = try #require(JSONSerialization.jsonObject(with: Data(bodies[1].utf8)) as? [String: Any])
        #expect(rendered["text"] as? String == "web: <\(link)|acknowledge>", "escaped as the inside of a JSON string")
        #expect(receiver.recorded[2]["form"] as? [String: String] == Self.sampleFields)
    }

    @Test("a 500 is retry; a 404 is permanent; both give the status and an excerpt of the body")
    func statuses() async throws {
        let failing = try await contacts.deliver("webhook", receiver.url("/status/500"))
        #expect(failing.status == .retry)
        #expect(failing.error == "HTTP 500 from 127.0.0.1: status 500")
        let missing = try await contacts.deliver("http", receiver.url("/nowhere"))
        #expect(missing.status == .permanent)
        #expect(missing.error == "HTTP 404 from 127.0.0.1: no such test path")
    }

    @Test("a receiver that hangs gives a timeout error within the limit")
    func hangingReceiver() async throws {
        let started = Deadline.now()
        let outcome = try await contacts.deliver("webhook", #"{"url":"\#(receiver.url("/slow/60"))","timeout":3}"#)
        let seconds = Deadline.now().milliseconds(since: started) / 1000
        #expect(outcome.status == .retry)
        #expect(outcome.error.hasPrefix("timed out after 3."), "\(outcome.error)")
        #expect(outcome.error.hasSuffix(" s waiting for 127.0.0.1"), "\(outcome.error)")
        #expect(seconds < 30)
    }

    @Test("a slow receiver does not hold up another contact")
    func slowDoesNotBlock() async throws {
        let slow = Task { try await contacts.deliver("webhook", #"{"url":"\#(receiver.url("/slow/60"))","timeout":15}"#) }
        // Let the slow delivery take its worker thread first.
        try await Task.sleep(for: .milliseconds(300))
        let started = Deadline.now()
        let fast = try await contacts.deliver("http", receiver.url("/record/fast"))
        let fastSeconds = Deadline.now().milliseconds(since: started) / 1000
        #expect(fast.status == .delivered, "\(fast.error)")
        // Behind the slow one it would wait its 15 s timeout.
        #expect(fastSeconds < 12, "the fast contact waited \(fastSeconds) s")
        #expect(try await slow.value.status == .retry)
    }

    @Test("a refused connection is retry")
    func refused() async throws {
        let port = try refusedPort()
        let outcome = try await contacts.deliver("http", "http://127.0.0.1:\(port)/hook")
        #expect(outcome.status == .retry)
        #expect(outcome.error.hasPrefix("cannot reach 127.0.0.1: "), "\(outcome.error)")
    }

    @Test("headers and body_template are secret: masked wherever the contact's data is shown")
    func secretsMasked() throws {
        let webhook = try contacts.host.type(.contact, "webhook")
        let data = #"{"url":"http://127.0.0.1/","headers":{"Authorization":"Bearer tok-1"},"body_template":"{\"key\":\"routing-2\"}"}"#
        let shown = try contacts.host.validate(webhook, data: data).maskedJSON
        #expect(shown == #"{"body_template":"********","headers":"********","url":"http://127.0.0.1/"}"#)
    }

    @Test("bad data is refused, naming the field", arguments: [
        ("webhook", "ftp://127.0.0.1/", "parameter 'url': the scheme must be http or https"),
        ("http", "not a url", "parameter 'url': is not a URL curl can use"),
        ("webhook", #"{"url":"http://127.0.0.1/","method":"PO ST"}"#, "parameter 'method': 'PO ST' is not an HTTP method"),
        ("webhook", #"{"url":"http://127.0.0.1/","headers":{"X-A":"1\r\nX-B: 2"}}"#, "parameter 'headers': the value of 'X-A' contains a line break"),
        ("webhook", #"{"url":"http://127.0.0.1/","body_template":"{{nmae}}"}"#, "parameter 'body_template': {{nmae}} is not a field"),
        ("webhook", #"{"url":"http://127.0.0.1/","timeout":60}"#, "parameter 'timeout': 60 is not from 1 to 15 seconds"),
        ("http", #"{"url":"http://127.0.0.1/","method":"PUT"}"#, "unknown parameter 'method'"),
    ])
    func badData(type: String, data: String, expected: String) throws {
        let error = try contacts.rejection(type, data)
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }
}
