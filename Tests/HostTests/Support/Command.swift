import BearmonSystem
import Foundation
import Glibc

/// The result of running a program to completion.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
    let seconds: Double
    let timedOut: Bool
}

/// Runs programs the tests start themselves, always with a time bound; a program that
/// overstays is killed by its PID. Tests use the async forms: waiting for a program on one of
/// the cooperative pool's two threads would stall every other test.
enum Command {
    /// Runs a program on a thread of its own and awaits it.
    static func run(_ executable: String, _ arguments: [String], timeout: Double = 120,
                    environment: [String: String]? = nil, directory: String? = nil) async throws -> CommandResult {
        try await offPool { try runBlocking(executable, arguments, timeout: timeout, environment: environment, directory: directory) }
    }

    /// Runs the bearmon binary under test.
    static func bearmon(_ arguments: [String], timeout: Double = 120) async throws -> CommandResult {
        try await run(TestPaths.bearmon, arguments, timeout: timeout)
    }

    /// Runs a program on the calling thread: only for code already off the pool.
    static func runBlocking(_ executable: String, _ arguments: [String], timeout: Double = 120,
                    environment: [String: String]? = nil, directory: String? = nil) throws -> CommandResult {
        let scratch = try TempDirectory("bearmon-cmd")
        let outPath = scratch.file("out"), errPath = scratch.file("err")
        let started = Deadline.now()
        let pid = try Spawn.start(executable, arguments, stdout: .file(outPath), stderr: .file(errPath),
                                  environment: environment ?? [:], directory: directory)
        let deadline = Deadline.after(milliseconds: Int64(timeout * 1000))
        var timedOut = false
        var status: Int32?
        while true {
            status = Spawn.reap(pid)
            if status != nil { break }
            if deadline.hasPassed, !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }
        return CommandResult(
            status: status.flatMap(Spawn.exitCode) ?? 128 + (status ?? 0) & 0x7f,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            seconds: Deadline.now().milliseconds(since: started) / 1000,
            timedOut: timedOut
        )
    }

}
