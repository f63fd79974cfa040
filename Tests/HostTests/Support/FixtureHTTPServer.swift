import BearmonSystem
import Foundation
import Glibc

/// Tests/Fixtures/http/server.py, run with Debian's /usr/bin/python3 on a loopback port: an
/// HTTP or HTTPS server with behaviours chosen by path (see the script). Stopped by its PID
/// when released; it also exits by itself when the test process goes away (its stdin closes).
final class FixtureHTTPServer: @unchecked Sendable {
    /// A certificate and its key, as PEM files.
    struct Identity {
        let certificate: String
        let key: String
    }

    let port: UInt16
    let scheme: String
    private let process: Process
    private let stdin = Pipe()

    /// Starts the server; with `identity` it speaks TLS, and `sni` maps server names to other
    /// identities.
    init(identity: Identity? = nil, sni: [String: Identity] = [:], state: String? = nil, startTimeout: Double = 20) throws {
        var arguments = [TestPaths.fixture("http/server.py"), "--lifetime", "300"]
        if let state { arguments += ["--state", state] }
        if let identity { arguments += ["--cert", identity.certificate, "--key", identity.key] }
        for (name, other) in sni { arguments += ["--sni", name, other.certificate, other.key] }
        let stdout = Pipe()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        scheme = identity == nil ? "http" : "https"
        try process.run()
        do {
            port = try Self.readPort(stdout.fileHandleForReading.fileDescriptor, deadline: .after(milliseconds: Int64(startTimeout * 1000)))
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
    }

    deinit { stop() }

    /// "http://127.0.0.1:PORT" plus `path`.
    func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    /// host:port, for ssl_expire.
    var address: String { "127.0.0.1:\(port)" }

    /// Kills the server by its PID and reaps it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads "PORT n\n" from the server's stdout, bounded by `deadline`.
    private static func readPort(_ fd: Int32, deadline: Deadline) throws -> UInt16 {
        var line: [UInt8] = []
        while !line.contains(10), line.count < 256 {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0, poll(&pfd, 1, Int32(clamping: remaining)) > 0 else {
                throw StartFailed(description: "server.py did not print its port in time")
            }
            var byte: UInt8 = 0
            guard read(fd, &byte, 1) == 1 else { throw StartFailed(description: "server.py exited before printing its port") }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
        guard text.hasPrefix("PORT "), let port = UInt16(text.dropFirst(5)) else {
            throw StartFailed(description: "server.py printed \(text.debugDescription) instead of its port")
        }
        return port
    }
}
