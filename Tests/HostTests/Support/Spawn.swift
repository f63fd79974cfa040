import BearmonSystem
import Foundation
import Glibc

/// Starts the programs tests run, with posix_spawn rather than Foundation's Process, for two
/// reasons. The test runner's threads block most signals and a child inherits that mask, so
/// nsd, say, would never see the SIGTERM that should stop it; here the child starts with no
/// signal blocked. And Foundation reaps children from a SIGCHLD handler that runs on a
/// dispatch queue, which a test blocked in `waitUntilExit` can starve: the tests stalled for
/// minutes that way. Here each child is reaped by its own PID with waitpid.
enum Spawn {
    /// Where a child's output goes.
    enum Output {
        /// Appended to nothing: this file, truncated first.
        case file(String)
        /// This descriptor (duplicated into the child).
        case descriptor(Int32)
        /// Wherever stdout goes.
        case sameAsStdout
    }

    /// Starts `executable`; returns its PID. `stdin` is a descriptor to read from, or /dev/null.
    static func start(_ executable: String, _ arguments: [String], stdin: Int32? = nil, stdout: Output, stderr: Output,
                      environment: [String: String] = [:], directory: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        for (fd, output) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch output {
            case .file(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .descriptor(let source): posix_spawn_file_actions_adddup2(&actions, source, fd)
            case .sameAsStdout: posix_spawn_file_actions_adddup2(&actions, 1, fd)
            }
        }
        // posix_spawn_file_actions_addchdir_np is not visible to Swift; env -C changes
        // directory and then execs the program.
        let command = directory.map { ["/usr/bin/env", "-C", $0, executable] + arguments } ?? [executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var child: pid_t = 0
        let rc = SpawnAttributes.withDefaultSignals { posix_spawn(&child, command[0], &actions, &$0, argv, env) }
        guard rc == 0 else { throw SystemError(function: "posix_spawn \(executable)", errno: rc) }
        return child
    }

    /// The child's wait status if it has exited (reaping it), else nil.
    /// ECHILD (something else reaped it) counts as exited, with ``lostStatus``: its PID may
    /// already belong to another process, which must never get our signals.
    static func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let rc = waitpid(pid, &status, WNOHANG)
        if rc == pid { return status }
        return rc == -1 && errno == ECHILD ? lostStatus : nil
    }

    /// The status recorded for a child that something else reaped: neither an exit nor a signal.
    static let lostStatus: Int32 = -1

    /// The exit code in a wait status, or nil when a signal ended the process.
    static func exitCode(_ status: Int32) -> Int32? { status != lostStatus && status & 0x7f == 0 ? (status >> 8) & 0xff : nil }
}
