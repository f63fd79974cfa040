import BearmonSystem
import Glibc
import PluginABI
import PluginKit

/// Runs a Nagios / Monitoring Plugins command and judges it by its exit status: 0 online,
/// 1 (WARNING) as `warning` says, 2 offline, 3 and anything else fail. The first line of its
/// output is the message; its performance data become metrics in base units.
struct NagiosCheck: CheckType {
    /// The longest `timeout` may be, in seconds.
    static let longestTimeout: Int64 = 300

    let name = "nagios"
    let summary = "Runs a Nagios plugin (no shell, minimal environment, as [nagios] user) and reads its exit status and perfdata"
    let maxRunMilliseconds: UInt32 = UInt32(longestTimeout * 1000 + 5_000)
    let timeoutParam: String? = "timeout"
    let params = [
        ParamSpec("command", .string, "absolute path of the plugin, under [nagios] dirs (and in [nagios] commands when set)", required: true),
        ParamSpec("args", .list, "the plugin's arguments, passed as they are (no shell); secret, since they often hold passwords", secret: true),
        ParamSpec("timeout", .int, default: "10", "seconds, 1 to 300; then SIGTERM to the command and all it started, SIGKILL 1 s later, and the check is offline"),
        ParamSpec("warning", .string, default: "\"online\"", "what exit status 1 (WARNING) means: online (with WARNING in the message) or offline",
                  choices: ["online", "offline"]),
    ]

    func validate(_ call: Call) {
        if let timeout = call.int("timeout"), !(1...Self.longestTimeout).contains(timeout) {
            call.reject("timeout", "must be 1 to \(Self.longestTimeout) seconds, got \(timeout)")
        }
        if let command = call.string("command"), !command.hasPrefix("/") {
            call.reject("command", "must be an absolute path, such as /usr/lib/nagios/plugins/check_tcp")
        }
    }

    func run(_ call: Call) -> CheckOutcome {
        guard let command = call.string("command") else { return .fail("nagios: parameter 'command' is required") }
        let settings = NagiosSettings(call)
        let path: String
        switch settings.resolve(command) {
        case .success(let resolved): path = resolved
        case .failure(let refusal): return .fail(refusal.message)
        }
        let timeout = min(max(call.int("timeout") ?? 10, 1), Self.longestTimeout)
        var identity: NagiosRunner.Identity?
        if geteuid() == 0 {
            guard let found = Self.identity(of: settings.user) else {
                return .fail("[nagios] user '\(settings.user)' does not exist; set [nagios] user to an unprivileged account")
            }
            identity = found
        }
        let run: NagiosRun
        do {
            run = try NagiosRunner.run(path: path, command: command, arguments: call.list("args") ?? [], identity: identity,
                                       timeoutSeconds: timeout, deadline: call.deadline)
        } catch {
            return .fail("cannot run \(command): \(error)")
        }
        let output = NagiosOutput(run.output)
        for metric in output.metrics { call.metric(metric.label, metric.value, unit: metric.unit.isEmpty ? nil : metric.unit) }
        return NagiosVerdict(ending: run.ending, message: output.message, command: command, timeoutSeconds: timeout,
                             user: identity == nil ? nil : settings.user, warningIsOnline: call.string("warning") != "offline").outcome
    }

    /// The uid and primary gid of `user`, or nil when there is no such user.
    private static func identity(of user: String) -> NagiosRunner.Identity? {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        guard getpwnam_r(user, &entry, &buffer, buffer.count, &found) == 0, found != nil else { return nil }
        return NagiosRunner.Identity(uid: entry.pw_uid, gid: entry.pw_gid)
    }
}
