import Foundation

/// Tests/Fixtures/smtp/server.py (aiosmtpd) on a loopback port: STARTTLS or implicit TLS with
/// a test certificate, AUTH with one fixed user, and every accepted message recorded.
final class FixtureSMTPServer: @unchecked Sendable {
    /// The one login the server accepts.
    static let user = "alice"
    static let password = "smtp-s3cret-pw"

    /// What it offers.
    struct Options {
        /// STARTTLS (or implicit TLS) with this certificate; nil: plain text only.
        var identity: FixtureHTTPServer.Identity?
        /// TLS from the first byte, as on port 465.
        var implicitTLS = false
        /// Requires AUTH as ``FixtureSMTPServer/user``.
        var auth = true
        /// Offers AUTH without TLS too.
        var authInClear = false
    }

    private let fixture: PythonFixture
    private let directory: TempDirectory

    init(_ options: Options) throws {
        directory = try TempDirectory("bearmon-smtp")
        var arguments = ["--messages", directory.file("messages.jsonl"), "--lifetime", "300"]
        if let identity = options.identity { arguments += ["--cert", identity.certificate, "--key", identity.key] }
        if options.implicitTLS { arguments.append("--implicit-tls") }
        if options.auth { arguments += ["--user", Self.user, "--password", Self.password] }
        if options.authInClear { arguments.append("--auth-in-clear") }
        fixture = try PythonFixture("smtp/server.py", arguments, log: directory.file("server.log"))
    }

    /// The port it listens on.
    var port: UInt16 { fixture.port }

    /// The messages accepted so far, as the script recorded them (envelope, tls, login, raw,
    /// headers, content_type, charset, transfer_encoding, body).
    var messages: [[String: Any]] { JSONLines.read(directory.file("messages.jsonl")) }

    /// Kills the server by its PID.
    func stop() { fixture.stop() }
}
