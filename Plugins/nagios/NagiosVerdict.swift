import CSupervisor
import Glibc
import PluginKit

/// Turns how a command ended, and its message, into a check outcome, following the
/// Monitoring Plugins' exit codes.
struct NagiosVerdict {
    let ending: NagiosRun.Ending
    let message: String
    let command: String
    let timeoutSeconds: Int64
    /// The account it ran as, or nil when bearmon's own.
    let user: String?
    /// `warning` = online.
    let warningIsOnline: Bool

    var outcome: CheckOutcome {
        switch ending {
        case .exited(0): return .online(said("OK"))
        case .exited(1):
            let text = message.uppercased().contains("WARNING") ? message : "WARNING: " + said("")
            return warningIsOnline ? .online(text) : .offline(text)
        case .exited(2): return .offline(said("CRITICAL"))
        case .exited(3): return .fail(message.uppercased().contains("UNKNOWN") ? message : "UNKNOWN: " + said(""))
        case .exited(let status): return .fail("\(command) exited with status \(status), which is not a Nagios status (0 to 3): " + said(""))
        case .signaled(let signal): return .fail("\(command) was killed by signal \(signal) (\(Self.name(of: signal)))" + (message.isEmpty ? "" : ": \(message)"))
        case .timedOut: return .offline("timed out after \(timeoutSeconds) s")
        case .spawnFailed(let stage, let error):
            let what = stage == BM_STAGE_USER ? "switch to [nagios] user '\(user ?? "?")'" : stage == BM_STAGE_SPAWN ? "start \(command)" : "set up the supervisor"
            let asWhom = user.map { " as [nagios] user '\($0)'" } ?? ""
            return .fail("cannot \(what)\(stage == BM_STAGE_SPAWN ? asWhom : ""): \(String(cString: strerror(error))) (errno \(error))")
        case .supervisorLost(let why): return .fail("\(command): \(why)")
        }
    }

    /// The message, or words saying there was none.
    private func said(_ status: String) -> String {
        message.isEmpty ? (status.isEmpty ? "" : status + " ") + "(the plugin printed nothing)" : message
    }

    private static func name(of signal: Int32) -> String {
        guard let text = strsignal(signal) else { return "signal \(signal)" }
        return String(cString: text)
    }
}
