import BearmonSystem
import Foundation
import Glibc

/// A long-running program a test starts itself (a DNS server, MariaDB, a bearmon node),
/// stopped by its PID: a signal first, SIGKILL when it has not exited in time. A watchdog
/// kills it too if the test process dies first, so no server outlives the tests.
///
/// It is spawned with ``Spawn`` rather than Foundation's Process: see there why.
final class BackgroundProcess: @unchecked Sendable {
    /// The program's PID.
    let pid: pid_t
    /// Where its stdout and stderr go.
    let logPath: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`, stdout and stderr going to `log`. When the test
    /// process ends without stopping it (a server shared for the whole run has no deinit that
    /// runs, and a crash skips them all), the watchdog kills it and removes `removeOnExit`:
    /// a MariaDB data directory left behind is a third of a gigabyte, and CI's disk filled.
    init(_ executable: String, _ arguments: [String], log: String, environment: [String: String] = [:], watchdog: Bool = true, removeOnExit: String? = nil) throws {
        logPath = log
        pid = try Spawn.start(executable, arguments, stdout: .file(log), stderr: .sameAsStdout, environment: environment)
        if watchdog {
            let removal = removeOnExit.map { " if ! kill -0 \(getpid()) 2>/dev/null; then sleep 1; rm -rf '\($0)'; fi;" } ?? ""
            let guardScript = "while kill -0 \(getpid()) 2>/dev/null && kill -0 \(pid) 2>/dev/null; do sleep 1; done; kill -9 \(pid) 2>/dev/null;\(removal) true"
            _ = try Spawn.start("/bin/sh", ["-c", guardScript], stdout: .file("/dev/null"), stderr: .sameAsStdout)
        }
    }

    /// Whether the program is still running; reaps it once it has exited.
    var isRunning: Bool {
        lock.withLock {
            if exitStatus == nil { exitStatus = Spawn.reap(pid) }
            return exitStatus == nil
        }
    }

    /// The exit code once it has exited normally, or nil (still running, or killed by a signal).
    var exitCode: Int32? {
        guard !isRunning, let status = lock.withLock({ exitStatus }) else { return nil }
        return Spawn.exitCode(status)
    }

    /// How it ended, "exit code N" or "signal N", or nil while it runs.
    var terminationDescription: String? {
        guard !isRunning, let status = lock.withLock({ exitStatus }) else { return nil }
        if status == Spawn.lostStatus { return "reaped by something else" }
        return Spawn.exitCode(status).map { "exit code \($0)" } ?? "signal \(status & 0x7f)"
    }

    /// Waits up to `timeout` seconds for the program to exit on its own.
    @discardableResult
    func waitForExit(timeout: Double) -> Bool { waitUntil(timeout: timeout) { !isRunning } }

    /// Sends `signal`, waits up to `timeout` seconds, then SIGKILLs it.
    func stop(signal: Int32 = SIGTERM, timeout: Double = 3) {
        guard isRunning else { return }
        kill(pid, signal)
        if waitForExit(timeout: timeout) { return }
        kill(pid, SIGKILL)
        waitForExit(timeout: 2)
    }

    /// What the program has written so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    deinit { stop() }
}

/// Waits up to `timeout` seconds for `condition`, polling every 20 ms.
@discardableResult
func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Deadline.after(milliseconds: Int64(timeout * 1000))
    while !deadline.hasPassed {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}
