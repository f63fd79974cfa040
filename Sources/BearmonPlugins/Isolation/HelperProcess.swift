import BearmonSystem
import Foundation
import Glibc
import Synchronization

/// One running `bearmon plugin-host` process and the node's end of the socket pair it was
/// started with (the helper's end is its descriptor 3; nothing else of the node's is open in it).
final class HelperProcess: Sendable {
    /// The helper's process id.
    let pid: pid_t
    /// The node's end of the socket pair.
    let socket: Int32
    /// Sends requests.
    let writer: FrameWriter
    /// Whether waitpid() has collected the process, after which its pid may name another.
    private let reaped = Mutex(false)

    private init(pid: pid_t, socket: Int32) {
        self.pid = pid
        self.socket = socket
        writer = FrameWriter(fd: socket)
    }

    /// Starts `executable` with `arguments` (never a secret: argv is public in /proc) and
    /// its end of a new socket pair as descriptor 3, with no signal blocked and every one at
    /// its default (``SpawnAttributes``).
    static func launch(executable: String, arguments: [String]) throws(SystemError) -> HelperProcess {
        var ends: [Int32] = [-1, -1]
        do {
            try syscall("socketpair") { socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) }
        } catch let error as SystemError { throw error } catch { throw SystemError(function: "socketpair", errno: EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on descriptor 3 alone; closefrom also drops any
        // descriptor of the node's that was opened without O_CLOEXEC.
        posix_spawn_file_actions_adddup2(&actions, ends[1], PluginHelper.socketDescriptor)
        _ = spawnCloseFrom(&actions, PluginHelper.socketDescriptor + 1)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Swift's crash backtracer prints registers and the memory they point at: in a
        // plugin's crash that is its params, secrets included, on the node's log.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let code = SpawnAttributes.withDefaultSignals { posix_spawn(&pid, executable, &actions, &$0, argv, envp) }
        close(ends[1])
        guard code == 0 else {
            close(ends[0])
            throw SystemError(function: "posix_spawn \(executable)", errno: code)
        }
        return HelperProcess(pid: pid, socket: ends[0])
    }

    /// Bounds each receive on the socket (0: no bound), so a helper that stops inside a
    /// frame cannot hold the reading thread.
    func setReceiveTimeout(milliseconds: Int64) {
        var limit = timeval(tv_sec: Int(milliseconds / 1000), tv_usec: Int(milliseconds % 1000) * 1000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Kills the helper with SIGKILL, unless it was already collected.
    func kill() {
        reaped.withLock { done in if !done { _ = Glibc.kill(pid, SIGKILL) } }
    }

    /// Waits for the helper to end (killing it after `patienceMilliseconds`), closes the
    /// socket, and says how it ended: "exited with status 0", "was killed by signal 11 (SIGSEGV)".
    func reap(patienceMilliseconds: Int64) -> String {
        let patience = Deadline.after(milliseconds: patienceMilliseconds)
        var killed = false
        while true {
            var status: Int32 = 0
            var lost = false
            let collected = reaped.withLock { done -> Bool in
                if done { return true }
                let rc = waitpid(pid, &status, WNOHANG)
                // ECHILD: something else collected it; its pid must never get our signals again.
                lost = rc == -1 && errno == ECHILD
                if rc == pid || lost { done = true }
                return done
            }
            if collected {
                close(socket)
                return lost ? "ended (its status was collected elsewhere)" : Self.describe(status)
            }
            if !killed, patience.hasPassed {
                kill()
                killed = true
            }
            usleep(5000)
        }
    }

    /// Words for a wait status.
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exited with status \((status >> 8) & 0xff)" }
        return "was killed by signal \(signal)\(signalNames[signal].map { " (\($0))" } ?? "")"
    }

    private static let signalNames: [Int32: String] = [
        SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
        SIGILL: "SIGILL", SIGTERM: "SIGTERM", SIGINT: "SIGINT", SIGHUP: "SIGHUP", SIGPIPE: "SIGPIPE",
        SIGTRAP: "SIGTRAP", SIGSYS: "SIGSYS", SIGXCPU: "SIGXCPU",
    ]
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
/// does not import; its (pointer, int) -> int signature is passed the same way by Swift and C.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func spawnCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
