import Foundation

/// Tests/Fixtures/http/server.py on a loopback port: an HTTP or HTTPS server with behaviours
/// chosen by path (see the script), among them a stand-in for Twilio's REST API and a
/// receiver that records what it was sent.
final class FixtureHTTPServer: @unchecked Sendable {
    /// A certificate and its key, as PEM files.
    struct Identity {
        let certificate: String
        let key: String
    }

    let scheme: String
    /// Where /record and the Twilio paths write each request, one JSON object a line.
    let recordPath: String?
    private let fixture: PythonFixture
    /// Holds the record file of a ``recorder()`` for as long as the server.
    private var recordDirectory: TempDirectory?

    /// Starts the server; with `identity` it speaks TLS, and `sni` maps server names to other
    /// identities. With `record`, requests to the recording paths are appended to that file;
    /// with `state`, /switch/NAME answers from the files in that directory. `loopback` is the
    /// address it listens on outside a namespace: any of 127.0.0.0/8.
    init(identity: Identity? = nil, sni: [String: Identity] = [:], record: String? = nil, state: String? = nil,
         namespace: (name: String, address: String)? = nil, loopback: String = "127.0.0.1", startTimeout: Double = 20) throws {
        var arguments = ["--lifetime", "300", "--host", namespace?.address ?? loopback]
        if let state { arguments += ["--state", state] }
        if let identity { arguments += ["--cert", identity.certificate, "--key", identity.key] }
        for (name, other) in sni { arguments += ["--sni", name, other.certificate, other.key] }
        if let record { arguments += ["--record", record] }
        scheme = identity == nil ? "http" : "https"
        recordPath = record
        host = namespace?.address ?? loopback
        fixture = try PythonFixture("http/server.py", arguments, namespace: namespace?.name, startTimeout: startTimeout)
    }

    /// The port it listens on.
    var port: UInt16 { fixture.port }

    /// The address it listens on: 127.0.0.1, or its address inside a test namespace.
    let host: String

    /// "http://HOST:PORT" plus `path`.
    func url(_ path: String) -> String { "\(scheme)://\(host):\(port)\(path)" }

    /// host:port, for ssl_expire.
    var address: String { "\(host):\(port)" }

    /// Kills the server by its PID.
    func stop() { fixture.stop() }

    /// The requests recorded so far, oldest first.
    var recorded: [[String: Any]] { JSONLines.read(recordPath) }

    /// A plain HTTP server recording into a file of its own, started off the cooperative
    /// pool: a webhook receiver, or Twilio.
    static func recorder(loopback: String = "127.0.0.1") async throws -> FixtureHTTPServer {
        try await offPool {
            let directory = try TempDirectory("bearmon-recorder")
            let server = try FixtureHTTPServer(record: directory.file("requests.jsonl"), loopback: loopback)
            server.recordDirectory = directory
            return server
        }
    }
}
