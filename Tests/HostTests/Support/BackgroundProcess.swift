import BearmonSystem
import Foundation
import Glibc

/// A long-running program a test starts itself (a DNS server, MariaDB, a bearmon node),
/// stopped by its PID: a signal first, SIGKILL when it has not exited in time. A watchdog
/// kills it too if the test process dies first, so no server outlives the tests.
///
/// It is spawned with posix_spawn rather than Foundation's Process so that it starts with
/// no signals blocked: the test runner's threads block most signals, a child inherits that
/// mask, and nsd then never sees the SIGTERM that should stop it (nor stops its children).
final class BackgroundProcess: @unchecked Sendable {
    /// The program's PID.
    let pid: pid_t
    /// Where its stdout and stderr go.
    let logPath: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`, stdout and stderr going to `log`.
    init(_ executable: String, _ arguments: [String], log: String, environment: [String: String] = [:], watchdog: Bool = true) throws {
        logPath = log
        pid = try Self.spawn(executable, arguments, log: log, environment: environment)
        if watchdog {
            let guardScript = "while kill -0 \(getpid()) 2>/dev/null && kill -0 \(pid) 2>/dev/null; do sleep 1; done; kill -9 \(pid) 2>/dev/null; true"
            _ = try Self.spawn("/bin/sh", ["-c", guardScript], log: "/dev/null", environment: [:])
        }
    }

    private static func spawn(_ executable: String, _ arguments: [String], log: String, environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, env)
        guard rc == 0 else { throw SystemError(function: "posix_spawn \(executable)", errno: rc) }
        return child
    }

    /// Whether the program is still running; reaps it once it has exited.
    var isRunning: Bool {
        lock.withLock {
            if exitStatus == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status }
            }
            return exitStatus == nil
        }
    }

    /// The exit code once it has exited normally, or nil (still running, or killed by a signal).
    var exitCode: Int32? {
        guard !isRunning, let status = lock.withLock({ exitStatus }), status & 0x7f == 0 else { return nil }
        return (status >> 8) & 0xff
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
