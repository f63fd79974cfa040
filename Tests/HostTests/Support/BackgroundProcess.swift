import BearmonSystem
import Foundation
import Glibc

/// A long-running program a test starts itself (a DNS server, say), stopped by its PID:
/// SIGTERM first, SIGKILL when it has not exited within a few seconds.
///
/// It is spawned with posix_spawn rather than Foundation's Process so that it starts with
/// no signals blocked: the test runner's threads block most signals, a child inherits that
/// mask, and nsd then never sees the SIGTERM that should stop it (nor stops its children).
final class BackgroundProcess: @unchecked Sendable {
    /// The program's PID.
    let pid: pid_t
    private let lock = NSLock()
    private var exited = false

    /// Starts `executable` with `arguments`, stdout and stderr going to `log`.
    init(_ executable: String, _ arguments: [String], log: String) throws {
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
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw SystemError(function: "posix_spawn \(executable)", errno: rc) }
        pid = child
    }

    /// Whether the program is still running; reaps it once it has exited.
    var isRunning: Bool {
        lock.withLock {
            if !exited {
                var status: Int32 = 0
                exited = waitpid(pid, &status, WNOHANG) != 0
            }
            return !exited
        }
    }

    /// Stops the program and waits for it, at most about five seconds.
    func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let killAt = Deadline.after(milliseconds: 3000)
        while isRunning, !killAt.hasPassed { usleep(5_000) }
        guard isRunning else { return }
        kill(pid, SIGKILL)
        let giveUp = Deadline.after(milliseconds: 2000)
        while isRunning, !giveUp.hasPassed { usleep(5_000) }
    }

    deinit { stop() }
}
