import BearmonSystem
import Foundation
import Glibc

/// A server process a test started. It is stopped by its PID when the test is done, and a
/// watchdog stops it too if the test process dies first, so no server outlives the tests.
final class ChildProcess: @unchecked Sendable {
    let process: Process
    let logPath: String
    private let watchdog: Process

    /// Starts `executable` with `arguments`, its output going to `logPath`.
    init(_ executable: String, _ arguments: [String], logPath: String, environment: [String: String]? = nil) throws {
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        self.logPath = logPath
        try process.run()
        watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", "while kill -0 \(getpid()) 2>/dev/null && kill -0 \(process.processIdentifier) 2>/dev/null; do sleep 1; done; kill -9 \(process.processIdentifier) 2>/dev/null; true"]
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` and waits up to `timeout` seconds for the process to end, then SIGKILLs it.
    func stop(signal: Int32 = SIGTERM, timeout: Double = 10) {
        guard process.isRunning else { return }
        kill(pid, signal)
        let deadline = Deadline.after(milliseconds: Int64(timeout * 1000))
        while process.isRunning, !deadline.hasPassed { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    /// What the process has written so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    deinit { stop() }
}

/// Waits up to `timeout` seconds for `condition`, polling every 50 ms.
@discardableResult
func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Deadline.after(milliseconds: Int64(timeout * 1000))
    while !deadline.hasPassed {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

/// A loopback TCP port that was free a moment ago.
func freeLoopbackPort() throws -> UInt16 {
    try refusedPort()
}
