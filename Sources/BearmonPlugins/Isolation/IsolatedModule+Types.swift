import BearmonCore
import BearmonSystem

extension IsolatedModule {
    /// Runs a check of `type` in the helper; a helper that dies or hangs gives `fail` with why.
    func runCheck(_ type: PluginType, params: ResolvedParams, budgetMilliseconds: Int64?, label: String) async -> CheckOutcome {
        let budget = min(Int64(type.maxRunMilliseconds), budgetMilliseconds ?? .max)
        let data = JSONValue.object(params.original).jsonText
        let started = Deadline.now()
        let outcome = await request({ .check(id: $0, type: type.name, data: data, budgetMs: budget, label: label) },
                                    waitMilliseconds: budget + policy.answerGrace.inMilliseconds)
        switch outcome {
        case .success(.checked(_, let status, let message, let metrics, let latency)):
            return CheckOutcome(status: status, message: message, metrics: metrics, latencyMilliseconds: latency)
        case .success:
            return CheckOutcome(status: .fail, message: "\(type.key): its plugin host answered a check with another kind of message")
        case .failure(let error):
            return CheckOutcome(status: .fail, message: words(error.ending, type), latencyMilliseconds: Deadline.now().milliseconds(since: started))
        }
    }

    /// Delivers through contact `type` in the helper; a helper that dies or hangs gives
    /// `retry`: the receiver may be fine.
    func deliver(_ type: PluginType, params: ResolvedParams, event: NotificationEvent, label: String) async -> ContactOutcome {
        let data = JSONValue.object(params.original).jsonText
        let outcome = await request({ .deliver(id: $0, type: type.name, data: data, event: IsolationEvent(event), label: label) },
                                    waitMilliseconds: Int64(type.maxRunMilliseconds) + policy.answerGrace.inMilliseconds)
        switch outcome {
        case .success(.delivered(_, let status, let error, let receipt)):
            return ContactOutcome(status: status, error: error, receipt: receipt)
        case .success:
            return ContactOutcome(status: .retry, error: "\(type.key): its plugin host answered a delivery with another kind of message")
        case .failure(let error):
            return ContactOutcome(status: .retry, error: words(error.ending, type))
        }
    }

    /// The plugin's own validate() of `params`, run in the helper; a helper that dies or
    /// blocks gives one problem that says so.
    func validate(_ type: PluginType, params: ResolvedParams) -> [ParamProblem] {
        let data = JSONValue.object(params.original).jsonText
        let outcome = requestBlocking({ .validate(id: $0, kind: type.kind.rawValue, type: type.name, data: data) },
                                      waitMilliseconds: PluginHost.validateBudgetMilliseconds + policy.answerGrace.inMilliseconds)
        switch outcome {
        case .success(.validated(_, let problems)):
            return problems.map { ParamProblem(param: $0.param, reason: $0.reason) }
        case .success:
            return [ParamProblem(param: nil, reason: "its plugin host answered a validation with another kind of message")]
        case .failure(let error):
            return [ParamProblem(param: nil, reason: "the plugin's validate could not run: " + words(error.ending, type))]
        }
    }

    private func words(_ ending: Ending, _ type: PluginType) -> String {
        switch ending {
        case .died(let how): "\(type.key) did not finish: \(how)"
        case .unavailable(let why): "\(type.key) cannot run: \(why)"
        case .overran(let waited): "\(type.key) got no answer from the plugin host for module \(name) within \(waited) ms (its deadline plus grace); the host was killed and is restarted"
        case .cancelled: "\(type.key) was abandoned: bearmon is stopping"
        }
    }
}
