import BearmonSystem
import Foundation
import Glibc

/// A test server script under Tests/Fixtures, run with Debian's /usr/bin/python3, that
/// prints "PORT n" once it listens on loopback. It is stopped by its PID when released, and
/// exits by itself when the test process goes away (its stdin closes) or its lifetime ends.
final class PythonFixture: @unchecked Sendable {
    let port: UInt16
    private let pid: pid_t
    /// The write end of the server's stdin: the server exits when it closes (with us).
    private let stdinWriter: Int32
    private let lock = NSLock()
    private var reaped = false

    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `Tests/Fixtures/<script>` with `arguments`, inside `namespace` when given (a
    /// network namespace the test created); its stderr goes to `log`, or nowhere.
    init(_ script: String, _ arguments: [String], namespace: String? = nil, log: String? = nil, startTimeout: Double = 20) throws {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else {
            throw StartFailed(description: "pipe: \(String(cString: strerror(errno)))")
        }
        // Only the duplicated ends reach the child.
        for fd in input + output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let command = (namespace.map { ["/usr/sbin/ip", "netns", "exec", $0] } ?? []) + ["/usr/bin/python3", TestPaths.fixture(script)] + arguments
        let started: pid_t
        do {
            started = try Spawn.start(command[0], Array(command.dropFirst()), stdin: input[0], stdout: .descriptor(output[1]),
                                      stderr: log.map(Spawn.Output.file) ?? .file("/dev/null"))
        } catch {
            [input[0], input[1], output[0], output[1]].forEach { close($0) }
            throw error
        }
        close(input[0])
        close(output[1])
        pid = started
        stdinWriter = input[1]
        defer { close(output[0]) }
        do {
            port = try Self.readPort(output[0], script: script, deadline: .after(milliseconds: Int64(startTimeout * 1000)))
        } catch {
            kill(started, SIGKILL)
            _ = waitpid(started, nil, 0)
            close(input[1])
            throw error
        }
    }

    deinit { stop() }

    /// Kills the server by its PID and reaps it.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !reaped else { return }
        reaped = true
        kill(pid, SIGKILL)
        _ = waitpid(pid, nil, 0)
        close(stdinWriter)
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
