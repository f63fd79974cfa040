import BearmonSystem
import Foundation
import Glibc

/// A test server script under Tests/Fixtures, run with Debian's /usr/bin/python3, that
/// prints "PORT n" once it listens on loopback. It is stopped by its PID when released, and
/// exits by itself when the test process goes away (its stdin closes) or its lifetime ends.
final class PythonFixture: @unchecked Sendable {
    let port: UInt16
    private let process: Process
    private let stdin = Pipe()

    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `Tests/Fixtures/<script>` with `arguments`, inside `namespace` when given (a
    /// network namespace the test created); its stderr goes to `log`, or nowhere.
    init(_ script: String, _ arguments: [String], namespace: String? = nil, log: String? = nil, startTimeout: Double = 20) throws {
        let stdout = Pipe()
        process = Process()
        if let namespace {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
            process.arguments = ["netns", "exec", namespace, "/usr/bin/python3", TestPaths.fixture(script)] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [TestPaths.fixture(script)] + arguments
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        if let log {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        do {
            port = try Self.readPort(stdout.fileHandleForReading.fileDescriptor, script: script, deadline: .after(milliseconds: Int64(startTimeout * 1000)))
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
    }

    deinit { stop() }

    /// Kills the server by its PID and reaps it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Reads "PORT n\n" from the server's stdout, bounded by `deadline`.
    private static func readPort(_ fd: Int32, script: String, deadline: Deadline) throws -> UInt16 {
        var line: [UInt8] = []
        while !line.contains(10), line.count < 256 {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0, poll(&pfd, 1, Int32(clamping: remaining)) > 0 else {
                throw StartFailed(description: "\(script) did not print its port in time")
            }
            var byte: UInt8 = 0
            guard read(fd, &byte, 1) == 1 else { throw StartFailed(description: "\(script) exited before printing its port") }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
        guard text.hasPrefix("PORT "), let port = UInt16(text.dropFirst(5)) else {
            throw StartFailed(description: "\(script) printed \(text.debugDescription) instead of its port")
        }
        return port
    }
}
