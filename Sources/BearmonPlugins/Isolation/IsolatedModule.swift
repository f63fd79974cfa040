import BearmonSystem
import Foundation
package import Logging

/// The node's side of one isolated plugin module: the `bearmon plugin-host` process that
/// loaded it, the calls waiting for answers, and the thread that reads the answers, notices
/// the helper dying, and restarts it with backoff (or pauses the module when it keeps dying).
package final class IsolatedModule: Sendable {
    /// How a call to the helper ended, when no answer came.
    enum Ending: Sendable, Equatable {
        /// The helper died, or was killed: the words say how.
        case died(String)
        /// No helper is running: restarting, paused or stopped, in words.
        case unavailable(String)
        /// No answer by the call's own deadline; the helper was killed.
        case overran(milliseconds: Int64)
        /// The calling task was cancelled (bearmon is stopping).
        case cancelled
    }

    /// An answer or the reason there is none.
    typealias Outcome = Result<IsolationReply, EndingError>

    /// ``Ending`` as an error, so that outcomes are ``Result``s.
    struct EndingError: Error, Equatable, Sendable { let ending: Ending }

    /// A call waiting for its answer: how to end it, and its deadline's watch.
    struct Pending {
        let finish: @Sendable (Outcome) -> Void
        let watch: DeadlineWatchdog.Entry
    }

    /// The helper, the calls waiting on it, and the crash record behind pausing.
    struct State {
        var helper: HelperProcess?
        var pending: [UInt64: Pending] = [:]
        var nextID: UInt64 = 0
        var crashes: [Deadline] = []
        var lastDeath = ""
        var paused: String?
        var resumeAsked = false
        var stopped = false
    }

    /// The module's file.
    package let file: String
    /// The name `[plugins] isolate` matched, from the file's name, used in messages.
    let name: String
    /// How helpers are started.
    let launch: HelperLaunch
    /// Timeouts, backoff and the crash limit.
    let policy: IsolationPolicy
    /// Where the module's deaths, restarts and relayed log lines go.
    let logger: Logger
    /// Everything that changes, behind one lock the supervising thread can sleep on.
    let state = ThreadCondition(State())

    /// A module not started yet (see ``start()``).
    init(file: String, name: String, launch: HelperLaunch, policy: IsolationPolicy, logger: Logger) {
        self.file = file
        self.name = name
        self.launch = launch
        self.policy = policy
        self.logger = logger
    }

    /// Whether the module is paused after crashing too often, with the reason.
    package var pausedReason: String? { state.withLock { $0.paused } }

    /// The pid of the running helper, if one runs.
    package var helperPID: Int32? { state.withLock { $0.helper?.pid } }

    /// Calls sent to the helper and not yet answered.
    package var callsInFlight: Int { state.withLock { $0.pending.count } }

    /// Starts the first helper and waits for its description of the module; a helper that
    /// dies, is refused or does not answer within the entry timeout is a ``LoadRefusal``.
    func start() throws(LoadRefusal) -> (IsolationModule, [IsolationType]) {
        let helper = try spawn()
        let (module, types) = try hello(from: helper)
        state.withLock { $0.helper = helper }
        Thread.detachNewThread { [self] in supervise(helper) }
        return (module, types)
    }

    /// Starts a helper for the module.
    func spawn() throws(LoadRefusal) -> HelperProcess {
        do {
            return try HelperProcess.launch(executable: launch.executable, arguments: launch.arguments(module: file))
        } catch {
            throw LoadRefusal(file: file, reason: "its plugin host (\(launch.executable) plugin-host) could not be started: \(error)",
                              fix: "check that bearmon's binary is still in place, or remove the module from [plugins] isolate", cause: error)
        }
    }

    /// Reads the helper's first frame within the entry timeout.
    func hello(from helper: HelperProcess) throws(LoadRefusal) -> (IsolationModule, [IsolationType]) {
        helper.setReceiveTimeout(milliseconds: policy.entryTimeout.inMilliseconds)
        defer { helper.setReceiveTimeout(milliseconds: 0) }
        let limit = Deadline.after(milliseconds: policy.entryTimeout.inMilliseconds)
        var reply: IsolationReply?
        do {
            // Log lines the entry point writes come first; a module that only ever logs is
            // still bound by the entry timeout.
            repeat {
                reply = try IsolationFrame.read(from: helper.socket).flatMap { IsolationCodec.decode(IsolationReply.self, $0) }
                guard case .log(let level, let message, let metadata)? = reply else { break }
                relay(level: level, message: message, metadata: metadata)
            } while !limit.hasPassed
            if case .log? = reply { throw IsolationFrame.ReadError.system(SystemError(function: "recv", errno: EAGAIN)) }
        } catch IsolationFrame.ReadError.system(let error) where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
            helper.kill()
            _ = helper.reap(patienceMilliseconds: 0)
            throw LoadRefusal(file: file, reason: "its entry point did not return within \(policy.entryTimeout.inMilliseconds / 1000) s (it ran in a plugin host, which was killed)",
                              fix: "fix the plugin's entry point so that it returns promptly, then send SIGHUP or restart bearmon")
        } catch {
            reply = nil
        }
        switch reply {
        case .hello(let module, let types)?:
            return (module, types)
        case .refused(let reason, let fix)?:
            _ = helper.reap(patienceMilliseconds: 1000)
            throw LoadRefusal(file: file, reason: reason, fix: fix)
        default:
            helper.kill()
            let how = helper.reap(patienceMilliseconds: 1000)
            throw LoadRefusal(file: file, reason: "its plugin host \(how) while loading it, before describing the module",
                              fix: "fix the plugin's entry point (it crashed or exited), then send SIGHUP or restart bearmon")
        }
    }

    /// Writes a helper's log line with the node's logger, naming the module.
    func relay(level: String, message: String, metadata: [String: String]) {
        var fields = metadata.mapValues { Logger.MetadataValue.string($0) }
        fields["module"] = .string(name)
        // A level the node does not know is logged as an error: a helper never sends one.
        logger.log(level: Logger.Level(rawValue: level) ?? .error, "\(message)", metadata: fields)
    }
}
