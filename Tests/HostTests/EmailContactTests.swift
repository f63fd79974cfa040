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

/// The email plugin against aiosmtpd on loopback (Tests/Fixtures/smtp/server.py): STARTTLS
/// with a certificate made for the test, AUTH with a fixed user, every message recorded.
@Suite("email contact")
struct EmailContactTests {
    let directory: TempDirectory
    let identity: FixtureHTTPServer.Identity

    init() async throws {
        let directory = try TempDirectory("bearmon-email")
        self.directory = directory
        identity = try await offPool { try TestCertificates.make("localhost", .days(2), in: directory) }
    }

    /// A server offering STARTTLS and requiring AUTH, unless `options` say otherwise.
    private func server(_ change: (inout FixtureSMTPServer.Options) -> Void = { _ in }) async throws -> FixtureSMTPServer {
        var options = FixtureSMTPServer.Options(identity: identity)
        change(&options)
        let chosen = options
        return try await offPool { try FixtureSMTPServer(chosen) }
    }

    /// An [smtp] section for `port` that trusts the test certificate.
    private func smtpConfig(port: UInt16, password: String = FixtureSMTPServer.password, extra: String = "") -> String {
        """
        [smtp]
        host = 127.0.0.1
        port = \(port)
        from = bearmon <noreply@bearmon.test>
        username = \(FixtureSMTPServer.user)
        password = \(password)
        cacert = \(identity.certificate)
        admin = admin@bearmon.test
        \(extra)
        """
    }

    @Test("bearmon notify sends over STARTTLS with a login; headers and body are right, and the check's password is not in it")
    func deliveredThroughNotify() async throws {
        let smtp = try await server()
        let config = try directory.write("smtp.cfg", smtpConfig(port: smtp.port))
        let check = #"{"id":7,"name":"api","type":"http","data":"{\"url\":\"http://127.0.0.1:9/health\",\"password\":\"hunter2-check-pw\"}"}"#
        let result = try await Command.bearmon([
            "notify", "email", "--data", "ops@example.org", "--check", check, "--status", "offline",
            "--message", "connection refused", "--event-id", "flip-7-contact-3", "--config", config,
        ])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("outcome:  delivered"))
        #expect(result.stdout.contains("event_id: flip-7-contact-3"))

        let message = try #require(smtp.messages.first)
        #expect(smtp.messages.count == 1)
        #expect(message["tls"] as? Bool == true)
        #expect(message["login"] as? String == FixtureSMTPServer.user)
        #expect(message["mail_from"] as? String == "noreply@bearmon.test")
        #expect(message["rcpt_tos"] as? [String] == ["ops@example.org"])
        let headers = try #require(message["headers"] as? [String: String])
        #expect(headers["From"] == "bearmon <noreply@bearmon.test>")
        #expect(headers["To"] == "ops@example.org")
        #expect(headers["Subject"] == "[test] Check offline: api", "a hand-fired notification is marked as a test")
        #expect(headers["Message-ID"] == "<flip-7-contact-3@bearmon>")
        #expect(headers["MIME-Version"] == "1.0")
        let date = try #require(headers["Date"])
        #expect(date.range(of: #"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$"#, options: .regularExpression) != nil, "\(date)")
        #expect(message["content_type"] as? String == "text/plain")
        #expect(message["charset"] as? String == "utf-8")
        #expect(message["transfer_encoding"] as? String == "quoted-printable")

        let body = (message["body"] as? String ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        #expect(body == """
            [test] Check [api] is now offline: connection refused

            Check ID: 7
            Name: api
            Type: http
            Data: {"password":"********","url":"http://127.0.0.1:9/health"}
            Event ID: flip-7-contact-3

            """)
        let raw = message["raw"] as? String ?? ""
        #expect(raw.contains("\r\n\r\n"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        for text in [raw, result.stdout, result.stderr] {
            #expect(!text.contains("hunter2-check-pw"))
            #expect(!text.contains(FixtureSMTPServer.password))
        }
    }

    @Test("online reads 'is now online.'; an admin notice, a non-ASCII name and a line starting with a dot come through intact")
    func wording() async throws {
        let smtp = try await server()
        let contacts = try ProductContacts(config: smtpConfig(port: smtp.port))
        let online = try await contacts.deliver("email", "ops@example.org", .sample(status: "online", message: "200 OK"))
        #expect(online.status == .delivered, "\(online.error)")
        let notice = NotificationEvent(eventID: "admin <1>@x", status: "misconfigured", message: "bad data\n.second line", checkID: 0,
                                       checkName: "Café ☕ check", checkType: "bearmon", maskedCheckData: "{}", time: 1_700_000_000)
        let admin = try await contacts.deliver("email", "admin@bearmon.test", notice)
        #expect(admin.status == .delivered, "\(admin.error)")

        let messages = smtp.messages
        try #require(messages.count == 2)
        let onlineHeaders = messages[0]["headers"] as? [String: String] ?? [:]
        #expect(onlineHeaders["Subject"] == "Check online: web")
        #expect(onlineHeaders["Date"] == "Tue, 14 Nov 2023 22:13:20 +0000")
        #expect((messages[0]["body"] as? String)?.hasPrefix("Check [web] is now online.\r\n") == true)

        let headers = messages[1]["headers"] as? [String: String] ?? [:]
        #expect(headers["Subject"] == "Check misconfigured: Café ☕ check")
        #expect((messages[1]["raw"] as? String)?.contains("Subject: =?UTF-8?B?") == true)
        #expect(headers["Message-ID"] == "<admin--1--x@bearmon>")
        let body = (messages[1]["body"] as? String ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        #expect(body == """
            Check [Café ☕ check] is now misconfigured: bad data
            .second line

            Name: Café ☕ check
            Type: bearmon
            Event ID: admin <1>@x

            """)
    }

    @Test("an outage's mail carries 'Acknowledge: URL' under the headline; an online one never does")
    func acknowledgeLink() async throws {
        let smtp = try await server()
        let contacts = try ProductContacts(config: smtpConfig(port: smtp.port))
        let link = "https://bearmon.example/ack/42.1700000000." + String(repeating: "c2ln", count: 40)
        var outage = NotificationEvent.sample()
        outage.ackURL = link
        var recovered = NotificationEvent.sample(status: "online", message: "200 OK")
        recovered.ackURL = link
        for event in [outage, recovered, .sample()] {
            let outcome = try await contacts.deliver("email", "ops@example.org", event)
            #expect(outcome.status == .delivered, "\(outcome.error)")
        }
        let bodies = smtp.messages.map { ($0["body"] as? String ?? "").replacingOccurrences(of: "\r\n", with: "\n") }
        try #require(bodies.count == 3)
        #expect(bodies[0].hasPrefix("Check [web] is now offline: connection refused\nAcknowledge: \(link)\n\nCheck ID: 42\n"), "\(bodies[0])")
        #expect(bodies[1].hasPrefix("Check [web] is now online.\n\nCheck ID: 42\n"), "\(bodies[1])")
        #expect(bodies[2].hasPrefix("Check [web] is now offline: connection refused\n\nCheck ID: 42\n"), "\(bodies[2])")
        #expect(!bodies[1].contains("Acknowledge") && !bodies[2].contains("Acknowledge"))
    }

    @Test("a wrong password is permanent and says the login was rejected, without either password")
    func wrongPassword() async throws {
        let smtp = try await server()
        let contacts = try ProductContacts(config: smtpConfig(port: smtp.port, password: "not-the-pw-9"))
        let outcome = try await contacts.deliver("email", "ops@example.org")
        #expect(outcome.status == .permanent)
        #expect(outcome.error.contains("SMTP server 127.0.0.1:\(smtp.port) rejected the login for user alice"), "\(outcome.error)")
        #expect(outcome.error.contains("535"), "\(outcome.error)")
        #expect(!outcome.error.contains("not-the-pw-9"))
        #expect(smtp.messages.isEmpty)
    }

    @Test("a server that is down is retry")
    func serverDown() async throws {
        let port = try refusedPort()
        let contacts = try ProductContacts(config: smtpConfig(port: port))
        let outcome = try await contacts.deliver("email", "ops@example.org")
        #expect(outcome.status == .retry)
        #expect(outcome.error.hasPrefix("cannot reach SMTP server 127.0.0.1:\(port): "), "\(outcome.error)")
    }

    @Test("with a username, a server without STARTTLS is refused before any login; insecure = true allows it")
    func noLoginInClear() async throws {
        let plain = try await server {
            $0.identity = nil
            $0.authInClear = true
        }
        let strict = try ProductContacts(config: smtpConfig(port: plain.port))
        let refused = try await strict.deliver("email", "ops@example.org")
        #expect(refused.status == .permanent)
        #expect(refused.error.contains("does not offer STARTTLS"), "\(refused.error)")
        #expect(refused.error.contains("[smtp] insecure = true"))
        #expect(plain.messages.isEmpty)

        let lax = try ProductContacts(config: smtpConfig(port: plain.port, extra: "insecure = true"))
        let sent = try await lax.deliver("email", "ops@example.org")
        #expect(sent.status == .delivered, "\(sent.error)")
        let message = try #require(plain.messages.first)
        #expect(message["tls"] as? Bool == false)
        #expect(message["login"] as? String == FixtureSMTPServer.user)
    }

    @Test("a certificate nobody vouches for is permanent, naming [smtp] cacert")
    func untrustedCertificate() async throws {
        let smtp = try await server()
        let config = smtpConfig(port: smtp.port).replacingOccurrences(of: "cacert = \(identity.certificate)", with: "")
        let outcome = try await ProductContacts(config: config).deliver("email", "ops@example.org")
        #expect(outcome.status == .permanent)
        #expect(outcome.error.contains("is not trusted"), "\(outcome.error)")
        #expect(outcome.error.contains("[smtp] cacert"))
    }

    @Test("a recipient refused with 550 is permanent; one deferred with 451 is retry")
    func recipientReplies() async throws {
        let smtp = try await server()
        let contacts = try ProductContacts(config: smtpConfig(port: smtp.port))
        let rejected = try await contacts.deliver("email", "reject@example.org")
        #expect(rejected.status == .permanent)
        #expect(rejected.error.contains("refused the message: RCPT failed: 550"), "\(rejected.error)")
        let busy = try await contacts.deliver("email", "busy@example.org")
        #expect(busy.status == .retry)
        #expect(busy.error.contains("deferred the message: RCPT failed: 451"), "\(busy.error)")
        #expect(smtp.messages.isEmpty)
    }

    @Test("missing settings are permanent and name the key", arguments: [
        ("port = 25\nfrom = a@b.c", "[smtp] host is not set in the config file"),
        ("host = 127.0.0.1", "[smtp] from is not set in the config file"),
        ("host = 127.0.0.1\nfrom = a@b.c\nport = 0", "[smtp] port = '0' is not a number from 1 to 65535"),
        ("host = 127.0.0.1\nfrom = a@b.c\ninsecure = maybe", "[smtp] insecure = 'maybe' is not a boolean"),
    ])
    func missingSettings(section: String, expected: String) async throws {
        let outcome = try await ProductContacts(config: "[smtp]\n" + section).deliver("email", "ops@example.org")
        #expect(outcome.status == .permanent)
        #expect(outcome.error.hasPrefix(expected), "\(outcome.error)")
    }

    @Test("data that is not an address is refused before any delivery", arguments: [
        "ops", "ops@example.org\r\nBcc: x@y.z", "<ops@example.org>", "a b@c.d",
    ])
    func badAddress(data: String) throws {
        let error = try ProductContacts().rejection("email", data)
        #expect(error?.description.contains("parameter 'to'") == true, "\(String(describing: error))")
    }

    @Test("port 465 speaks TLS from the first byte (in a network namespace of its own, where 465 is free)")
    func implicitTLS() async throws {
        let config = try directory.write("smtps.cfg", smtpConfig(port: 465))
        let messages = directory.file("smtps.jsonl")
        let script = """
            ip link set lo up || exit 90
            /usr/bin/python3 "$SERVER" --port 465 --implicit-tls --cert "$CERT" --key "$KEY" --user "$USER" --password "$PASSWORD" \
                --messages "$MESSAGES" --lifetime 60 --no-stdin-watch > "$DIR/smtps.port" 2> "$DIR/smtps.log" &
            server=$!
            i=0
            while [ ! -s "$DIR/smtps.port" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done
            "$BEARMON" notify email --data ops@example.org --check '{"id":1,"name":"tls"}' --status offline --config "$CONFIG"
            status=$?
            kill $server
            wait $server
            exit $status
            """
        let result = try await Command.run("/usr/bin/unshare", ["--net", "/bin/sh", "-c", script], timeout: 90, environment: [
            "SERVER": TestPaths.fixture("smtp/server.py"), "CERT": identity.certificate, "KEY": identity.key,
            "USER": FixtureSMTPServer.user, "PASSWORD": FixtureSMTPServer.password, "MESSAGES": messages,
            "DIR": directory.path, "BEARMON": TestPaths.bearmon, "CONFIG": config,
        ])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("outcome:  delivered"))
        let message = try #require(JSONLines.read(messages).first)
        #expect(message["tls"] as? Bool == true)
        #expect(message["login"] as? String == FixtureSMTPServer.user)
    }
}
