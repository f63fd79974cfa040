import BearmonSystem
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

/// The http plugin's verdicts, against server.py on loopback: gobearmon's semantics for
/// status codes, substrings, auth, methods, headers and redirects.
@Suite("http check")
struct HTTPCheckTests {
    let checks = ProductChecks()
    let server: FixtureHTTPServer

    init() throws { server = try FixtureHTTPServer() }

    private func check(_ data: String) async throws -> CheckOutcome { try await checks.run("http", data) }

    @Test("a 200 with a body is online, with total, connect and first-byte times")
    func ok() async throws {
        let outcome = try await check(#"{"url":"\#(server.url("/ok"))","expect_status":200,"expect_substring":"hello from"}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(outcome.message == #"GET \#(server.url("/ok")) answered 200; body contains "hello from""#)
        for name in ["total_ms", "connect_ms", "first_byte_ms"] {
            #expect(outcome.metric(name) != nil, "missing \(name)")
        }
        #expect(outcome.metric("tls_ms") == nil)
    }

    @Test("a 500 is online without expect_status, as in gobearmon, and offline with it")
    func serverError() async throws {
        let plain = try await check(#"{"url":"\#(server.url("/status/500"))"}"#)
        #expect(plain.status == .online)
        #expect(plain.message.contains("answered 500"))
        let expecting = try await check(#"{"url":"\#(server.url("/status/500"))","expect_status":200}"#)
        #expect(expecting.status == .offline)
        #expect(expecting.message == "status mismatch, got 500 but expected 200")
    }

    @Test("expect_substring found is online; not found is offline and says where it looked")
    func substring() async throws {
        let found = try await check(#"{"url":"\#(server.url("/ok"))","expect_substring":"bearmon-test"}"#)
        #expect(found.status == .online)
        let missing = try await check(#"{"url":"\#(server.url("/ok"))","expect_substring":"goodbye"}"#)
        #expect(missing.status == .offline)
        // "hello from bearmon-test\n" is 24 bytes.
        #expect(missing.message == #"substring "goodbye" not found in the body (24 bytes)"#)
    }

    @Test("basic auth: right credentials pass, wrong ones get the 401, and no message shows the password")
    func basicAuth() async throws {
        let none = try await check(#"{"url":"\#(server.url("/auth"))","expect_status":200}"#)
        #expect(none.message == "status mismatch, got 401 but expected 200")
        let wrong = try await check(#"{"url":"\#(server.url("/auth"))","expect_status":200,"username":"alice","password":"not-the-password"}"#)
        #expect(wrong.status == .offline)
        #expect(!wrong.message.contains("not-the-password"))
        let right = try await check(#"{"url":"\#(server.url("/auth"))","expect_status":200,"username":"alice","password":"wonderland-s3cret"}"#)
        #expect(right.status == .online, "\(right.message)")
        #expect(!right.message.contains("wonderland-s3cret"))
    }

    @Test("a body makes the request a POST; method overrides it; the body arrives intact")
    func postWithBody() async throws {
        let url = server.url("/echo")
        let post = try await check(#"{"url":"\#(url)","body":"ping=1&x=y","expect_substring":"method=POST"}"#)
        #expect(post.status == .online, "\(post.message)")
        let body = try await check(#"{"url":"\#(url)","body":"ping=1&x=y","expect_substring":"body=ping=1&x=y"}"#)
        #expect(body.status == .online, "\(body.message)")
        let put = try await check(#"{"url":"\#(url)","method":"PUT","body":"z","expect_substring":"method=PUT"}"#)
        #expect(put.status == .online, "\(put.message)")
        let get = try await check(#"{"url":"\#(url)","expect_substring":"method=GET"}"#)
        #expect(get.status == .online, "\(get.message)")
    }

    @Test("a Host header sets the request's Host; otherwise it comes from the URL")
    func hostOverride() async throws {
        let url = server.url("/echo")
        let overridden = try await check(#"{"url":"\#(url)","headers":{"Host":"shop.example"},"expect_substring":"host=shop.example\n"}"#)
        #expect(overridden.status == .online, "\(overridden.message)")
        let plain = try await check(#"{"url":"\#(url)","expect_substring":"host=127.0.0.1:\#(server.port)\n"}"#)
        #expect(plain.status == .online, "\(plain.message)")
    }

    @Test("the User-Agent is bearmon, and every request asks for no keep-alive")
    func userAgentAndConnection() async throws {
        let url = server.url("/echo")
        let agent = try await check(#"{"url":"\#(url)","expect_substring":"user-agent=bearmon\n"}"#)
        #expect(agent.status == .online, "\(agent.message)")
        let connection = try await check(#"{"url":"\#(url)","expect_substring":"connection=close\n"}"#)
        #expect(connection.status == .online, "\(connection.message)")
    }

    @Test("redirects are followed up to 10, or not at all with follow_redirects false")
    func redirects() async throws {
        let followed = try await check(#"{"url":"\#(server.url("/redirect/3"))","expect_status":200,"expect_substring":"end of the redirect chain"}"#)
        #expect(followed.status == .online, "\(followed.message)")
        #expect(followed.message.contains("after 3 redirects"))
        let ten = try await check(#"{"url":"\#(server.url("/redirect/10"))","expect_status":200}"#)
        #expect(ten.status == .online, "\(ten.message)")
        let eleven = try await check(#"{"url":"\#(server.url("/redirect/11"))"}"#)
        #expect(eleven.status == .offline)
        #expect(eleven.message.contains("redirects"), "\(eleven.message)")
        let notFollowed = try await check(#"{"url":"\#(server.url("/redirect/3"))","expect_status":200,"follow_redirects":false}"#)
        #expect(notFollowed.message == "status mismatch, got 302 but expected 200")
    }

    @Test("a refused connection is offline with curl's reason")
    func refused() async throws {
        let port = try refusedPort()
        let outcome = try await check(#"{"url":"http://127.0.0.1:\#(port)/"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.hasPrefix("GET http://127.0.0.1:\(port)/ failed: "), "\(outcome.message)")
    }

    @Test("bad params are fail, naming the field", arguments: [
        (#"{}"#, "parameter 'url': is required"),
        (#"{"url":"ftp://127.0.0.1/"}"#, "parameter 'url': the scheme must be http or https"),
        (#"{"url":"not a url"}"#, "parameter 'url': is not a URL curl can use"),
        (#"{"url":"http://127.0.0.1/","timeout":"x"}"#, "parameter 'timeout': must be an integer"),
        (#"{"url":"http://127.0.0.1/","headers":{"Bad Name":"x"}}"#, "parameter 'headers': 'Bad Name' is not a header name"),
        (#"{"url":"http://127.0.0.1/","headers":{"X-Evil":"a\r\nInjected: 1"}}"#, "parameter 'headers': the value of 'X-Evil' contains a line break"),
        (#"{"url":"http://127.0.0.1/","method":"GE T"}"#, "parameter 'method': 'GE T' is not an HTTP method"),
        (#"{"url":"http://127.0.0.1/","expect_status":42}"#, "parameter 'expect_status': 42 is not a status code"),
    ])
    func badParams(data: String, expected: String) throws {
        let error = try checks.rejection("http", data)
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }
}
