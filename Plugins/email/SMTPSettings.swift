import BearmonSystem
import ContactKit
import CurlKit
import Foundation

/// The `[smtp]` section, with gobearmon's keys (host, port, from, username, password; `admin`
/// is the daemon's) and bearmon's own: `insecure` and `cacert`.
///
/// TLS: port 465 means implicit TLS (smtps); any other port starts in clear and upgrades with
/// STARTTLS when the server offers it. With a username, the upgrade is required, so that the
/// login never goes in clear; `insecure = true` lifts that requirement and also skips
/// certificate verification. `cacert` names a PEM file of the CAs to trust instead of the
/// system's, for a private CA or a self-signed server certificate.
struct SMTPSettings {
    /// The config section the email module reads.
    static let section = "smtp"
    /// Submission (RFC 6409), the port that expects STARTTLS and a login.
    static let defaultPort = 587
    /// The port of implicit TLS (RFC 8314).
    static let implicitTLSPort = 465

    let host: String
    let port: Int
    /// The From header as configured, perhaps with a display name.
    let from: String
    let credentials: Credentials?
    let insecure: Bool
    let caFile: String?

    init(_ config: ConfigSection) throws(ContactFailure) {
        host = try config.required("host")
        port = try config.int("port", default: Self.defaultPort, in: 1...65535)
        from = try config.required("from")
        if let problem = MailAddress.problem(MailAddress.bare(from)) ?? Self.headerProblem(from) {
            throw .permanent("[smtp] from: \(problem)")
        }
        let username = config.optional("username")
        credentials = username.map { Credentials(username: $0, password: config.optional("password") ?? "") }
        insecure = try config.bool("insecure", default: false)
        caFile = config.optional("cacert")
    }

    /// "SMTP server mail.example.org:587", for messages.
    var server: String { "SMTP server \(hostInURL):\(port)" }

    /// Whether the connection is TLS from its first byte.
    var implicitTLS: Bool { port == Self.implicitTLSPort }

    /// smtp:// or smtps://, with an IPv6 address in brackets.
    var url: String { "\(implicitTLS ? "smtps" : "smtp")://\(hostInURL):\(port)" }

    /// Required when there is a login to protect, unless `insecure` says otherwise.
    var startTLS: StartTLS { credentials != nil && !insecure ? .required : .ifOffered }

    /// The submission of `message` to `to`, over by `deadline`.
    func request(to: String, message: [UInt8], deadline: Deadline) -> CurlRequest {
        var request = CurlRequest.mail(
            url: url, envelope: MailEnvelope(from: MailAddress.bare(from), recipients: [to]),
            message: message, deadline: deadline
        )
        request.credentials = credentials
        request.startTLS = startTLS
        request.insecure = insecure
        request.caFile = caFile
        return request
    }

    private var hostInURL: String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    /// A From value with a line break would add headers of its own.
    private static func headerProblem(_ value: String) -> String? {
        value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) ? "contains a line break" : nil
    }
}
