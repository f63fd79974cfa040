package import BearmonCore
import PluginABI

extension PluginInvoker {
    /// Runs a check call and turns what happened into a ``CheckOutcome``. Anything the plugin
    /// did wrong (no result, an unknown status, an error code, overrunning) becomes `fail`.
    package func runCheck(_ context: CallContext) async -> CheckOutcome {
        let report = await invoke(context)
        let name = context.type.key.description
        switch report {
        case .paused(let count):
            return CheckOutcome(status: .fail, message: "\(name) is paused: \(count) of its calls are stuck past their deadline; fix or replace the plugin and restart bearmon")
        case .starved(let elapsed):
            return CheckOutcome(status: .fail, message: "no worker thread was free to run \(name) before its deadline; raise numThreads or lower the load", latencyMilliseconds: elapsed)
        case .overran(let elapsed):
            return CheckOutcome(status: .fail, message: "\(name) overran its deadline and was abandoned after \(Int(elapsed)) ms", latencyMilliseconds: elapsed)
        case .cancelled(let elapsed):
            return CheckOutcome(status: .fail, message: "\(name) was abandoned after \(Int(elapsed)) ms: bearmon is stopping", latencyMilliseconds: elapsed)
        case .returned(let code, let elapsed):
            let metrics = context.metrics
            guard let result = context.checkResult else {
                let why = code == BEARMON_OK ? "returned without reporting a result" : "returned error \(code) without a result"
                return CheckOutcome(status: .fail, message: "\(name) \(why)", metrics: metrics, latencyMilliseconds: elapsed)
            }
            let status: CheckStatus? = switch result.status {
            case BEARMON_ONLINE: .online
            case BEARMON_OFFLINE: .offline
            case BEARMON_FAIL: .fail
            default: nil
            }
            guard let status else {
                return CheckOutcome(status: .fail, message: "\(name) reported unknown status \(result.status)", metrics: metrics, latencyMilliseconds: elapsed)
            }
            if code != BEARMON_OK {
                return CheckOutcome(status: .fail, message: result.message.isEmpty ? "\(name) returned error \(code)" : context.params.scrubbed(result.message), metrics: metrics, latencyMilliseconds: elapsed)
            }
            // Whatever a plugin wrote goes to the store, /v1/checks and notifications: URLs
            // and quoted secrets are masked here, for third-party plugins as for bundled ones.
            return CheckOutcome(status: status, message: context.params.scrubbed(result.message), metrics: metrics, latencyMilliseconds: elapsed)
        }
    }
}
