import BearmonSystem
import CSupervisor
import Glibc

/// How a supervised command ended, with what it printed.
struct NagiosRun {
    /// The command's end, as the supervisor reported it.
    enum Ending: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case spawnFailed(stage: Int32, errno: Int32)
        /// The supervisor itself died or went silent (it never should); the words say how.
        case supervisorLost(String)
    }

    let ending: Ending
    /// The first ``NagiosRunner/outputLimit`` bytes of stdout and stderr together.
    let output: [UInt8]
    /// Whether more than that was printed (and drained unread).
    let truncated: Bool
}

/// Runs one command under the C supervisor (see bearmon_supervisor.h) and collects its output
/// and report. Every descriptor is made with O_CLOEXEC; the supervisor is always reaped.
enum NagiosRunner {
    /// The most output kept; the rest is read and dropped, so a chatty plugin never blocks
    /// on a full pipe.
    static let outputLimit = 64 * 1024
    /// SIGKILL follows SIGTERM after this long.
    static let killGraceMilliseconds: Int64 = 1_000
    /// The whole environment a command gets.
    static let environment = ["PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C"]

    /// The ids a command runs as instead of bearmon's.
    struct Identity {
        let uid: uid_t
        let gid: gid_t
    }

    /// Runs `path` with `arguments` (argv[0] is `command`), killing its tree at `timeoutSeconds`,
    /// and waits for the supervisor until `deadline` at the latest.
    static func run(path: String, command: String, arguments: [String], identity: Identity?, timeoutSeconds: Int64, deadline: Deadline) throws -> NagiosRun {
        let output = try Pipe()
        defer { output.closeBoth() }
        let report = try Pipe()
        defer { report.closeBoth() }
        let pid = try spawnSupervisor(path: path, argv: [command] + arguments, identity: identity, timeoutSeconds: timeoutSeconds,
                                      outFD: output.write, reportFD: report.write)
        output.closeWrite()
        report.closeWrite()
        var collected = Collected()
        let finished = try collect(output: output.read, report: report.read, into: &collected, until: deadline)
        if !finished { _ = kill(pid, SIGKILL) }
        var status: Int32 = 0
        _ = try syscall("waitpid") { waitpid(pid, &status, 0) }
        let ending: NagiosRun.Ending = if !finished {
            .supervisorLost("the supervisor did not finish by the call's deadline and was killed")
        } else if let report = collected.report {
            switch report.outcome {
            case BM_EXITED: .exited(report.value)
            case BM_SIGNALED: .signaled(report.value)
            case BM_TIMED_OUT: .timedOut
            default: .spawnFailed(stage: report.stage, errno: report.value)
            }
        } else {
            .supervisorLost("the supervisor ended without a report (wait status \(status))")
        }
        return NagiosRun(ending: ending, output: collected.kept, truncated: collected.dropped > 0)
    }

    private struct Collected {
        var kept: [UInt8] = []
        var dropped = 0
        var reportBytes: [UInt8] = []
        var report: bm_spawn_report? {
            guard reportBytes.count == MemoryLayout<bm_spawn_report>.size else { return nil }
            return reportBytes.withUnsafeBytes { $0.loadUnaligned(as: bm_spawn_report.self) }
        }
    }

    private static func spawnSupervisor(path: String, argv: [String], identity: Identity?, timeoutSeconds: Int64, outFD: Int32, reportFD: Int32) throws -> pid_t {
        let cArgv = CStringArray(argv)
        defer { cArgv.free() }
        let cEnvp = CStringArray(environment)
        defer { cEnvp.free() }
        return try path.withCString { cPath in
            var request = bm_spawn_request(
                path: cPath, argv: cArgv.pointer, envp: cEnvp.pointer, out_fd: outFD, report_fd: reportFD,
                switch_user: identity == nil ? 0 : 1, uid: identity?.uid ?? 0, gid: identity?.gid ?? 0,
                timeout_ms: timeoutSeconds * 1000, kill_grace_ms: killGraceMilliseconds
            )
            return try syscall("fork") { bm_supervise(&request) }
        }
    }

    /// Reads both pipes until both reach EOF; false when `deadline` came first.
    private static func collect(output: Int32, report: Int32, into collected: inout Collected, until deadline: Deadline) throws -> Bool {
        var open = (output: true, report: true)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while open.output || open.report {
            let left = deadline.remainingMilliseconds
            guard left > 0 else { return false }
            var fds = [pollfd(fd: open.output ? output : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: open.report ? report : -1, events: Int16(POLLIN), revents: 0)]
            let ready = try syscall("poll") { poll(&fds, 2, Int32(min(left, 1_000))) }
            if ready == 0 { continue }
            if fds[0].revents != 0 {
                let count = try syscall("read") { read(output, &buffer, buffer.count) }
                if count == 0 { open.output = false }
                let room = max(0, outputLimit - collected.kept.count)
                collected.kept += buffer[0..<min(count, room)]
                collected.dropped += max(0, count - room)
            }
            if fds[1].revents != 0 {
                let count = try syscall("read") { read(report, &buffer, buffer.count) }
                if count == 0 { open.report = false }
                if collected.reportBytes.count < 64 { collected.reportBytes += buffer[0..<min(count, 64)] }
            }
        }
        return true
    }
}

/// A pipe whose ends are O_CLOEXEC, closed at most once each.
private final class Pipe {
    private(set) var read: Int32
    private(set) var write: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        try syscall("pipe2") { bm_pipe_cloexec(&ends) }
        read = ends[0]
        write = ends[1]
    }

    func closeWrite() {
        if write >= 0 { _ = close(write) }
        write = -1
    }

    func closeBoth() {
        closeWrite()
        if read >= 0 { _ = close(read) }
        read = -1
    }
}

/// A NULL-terminated array of C strings, for argv and envp.
private struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointer[index] = strdup(string) }
        pointer[strings.count] = nil
    }

    func free() {
        for index in 0..<count { Glibc.free(pointer[index]) }
        pointer.deallocate()
    }
}
