package import BearmonCore
import PluginABI

extension PluginInvoker {
    /// Runs a contact call and turns what happened into a ``ContactOutcome``. A plugin that
    /// misbehaves (no result, overrunning) gives `retry`: the receiver may be fine.
    package func runContact(_ context: CallContext) async -> ContactOutcome {
        let report = await invoke(context)
        let name = context.type.key.description
        switch report {
        case .paused(let count):
            return ContactOutcome(status: .retry, error: "\(name) is paused: \(count) of its calls are stuck past their deadline")
        case .starved:
            return ContactOutcome(status: .retry, error: "no worker thread was free to run \(name) before its deadline")
        case .overran(let elapsed):
            return ContactOutcome(status: .retry, error: "\(name) overran its deadline and was abandoned after \(Int(elapsed)) ms")
        case .cancelled(let elapsed):
            return ContactOutcome(status: .retry, error: "\(name) was abandoned after \(Int(elapsed)) ms: bearmon is stopping")
        case .returned(let code, _):
            guard let result = context.contactResult else {
                return ContactOutcome(status: .retry, error: "\(name) returned \(code == BEARMON_OK ? "" : "error \(code) ")without reporting an outcome")
            }
            // A contact's error is stored and shown by /v1/checks: mask what it quotes.
            let error = context.params.scrubbed(result.error, urlsWithoutPath: true)
            switch result.status {
            case BEARMON_DELIVERED where code == BEARMON_OK: return ContactOutcome(status: .delivered, error: "", receipt: result.receipt)
            case BEARMON_PERMANENT: return ContactOutcome(status: .permanent, error: error, receipt: result.receipt)
            case BEARMON_RETRY: return ContactOutcome(status: .retry, error: error, receipt: result.receipt)
            default: return ContactOutcome(status: .retry, error: error.isEmpty ? "\(name) reported status \(result.status) with code \(code)" : error)
            }
        }
    }
}
