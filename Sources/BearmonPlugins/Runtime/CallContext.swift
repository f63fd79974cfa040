package import BearmonCore
package import BearmonSystem
package import Logging
import PluginABI
import Synchronization


/// Everything one plugin call can see and report: its parameters (lent as C strings), the
/// module's config, the deadline, and the sinks' results. A `bearmon_call *` is an unretained
/// pointer to one of these; the thread running the call keeps it alive until `run` returns,
/// even when the call was abandoned, so a late plugin never touches freed memory.
package final class CallContext: Sendable {
    private enum CParam {
        case string(CString)
        case map([(key: CString, value: CString)])
        case list([CString])
    }

    private struct Results {
        var closed = false
        var checkResult: (status: Int32, message: String)?
        var contactResult: (status: Int32, error: String, receipt: String?)?
        var metrics: [Metric] = []
        var problems: [ParamProblem] = []
    }

    /// The type being called.
    package let type: PluginType
    /// The validated parameters.
    package let params: ResolvedParams
    /// The deadline the plugin is told about.
    package let deadline: Deadline
    /// Log tag for this call, for example "check 7 (web)".
    package let label: String
    let config: PluginConfig?
    let notification: NotificationBox?
    package let logger: Logger
    /// The egress policy the plugin asks through `egress_check`.
    let egress: EgressRules
    private let cParams: [String: CParam]
    private let results = Mutex(Results())
    /// Strings lent to the plugin during the call (egress refusals), by text.
    private let lent = Mutex<[String: CString]>([:])

    /// A context for calling `type` with `params` until `deadline`.
    package init(
        type: PluginType, params: ResolvedParams, deadline: Deadline, label: String,
        config: PluginConfig?, notification: NotificationEvent? = nil, egress: EgressRules = .builtIn, logger: Logger
    ) {
        self.egress = egress
        self.type = type
        self.params = params
        self.deadline = deadline
        self.label = label
        self.config = config
        self.notification = notification.map(NotificationBox.init)
        self.logger = logger
        var cParams: [String: CParam] = [:]
        for (name, value) in params.values {
            switch value {
            case .string(let text): cParams[name] = .string(CString(text))
            case .object(let entries):
                cParams[name] = .map(entries.sorted { $0.key < $1.key }.map { entry in
                    let text: String = if case .string(let s) = entry.value { s } else { entry.value.jsonText }
                    return (CString(entry.key), CString(text))
                })
            case .array(let entries):
                cParams[name] = .list(entries.map { entry in
                    let text: String = if case .string(let s) = entry { s } else { entry.jsonText }
                    return CString(text)
                })
            default: break
            }
        }
        self.cParams = cParams
    }

    /// The pointer handed to the plugin as `bearmon_call *`.
    var opaque: OpaquePointer { OpaquePointer(Unmanaged.passUnretained(self).toOpaque()) }

    /// The context behind a `bearmon_call *`.
    static func from(_ pointer: OpaquePointer?) -> CallContext? {
        pointer.map { Unmanaged<CallContext>.fromOpaque(UnsafeRawPointer($0)).takeUnretainedValue() }
    }

    // MARK: Accessors used by the host table

    /// The C form of the string parameter `name`, or nil when it is not a string.
    func cString(_ name: String) -> UnsafePointer<CChar>? {
        if case .string(let text) = cParams[name] { return text.constPointer }
        return nil
    }

    func mapEntries(_ name: String) -> [(key: CString, value: CString)]? {
        if case .map(let entries) = cParams[name] { return entries }
        return nil
    }

    /// The entries of the list parameter `name`, in order, or nil when it is not a list.
    func listEntries(_ name: String) -> [CString]? {
        if case .list(let entries) = cParams[name] { return entries }
        return nil
    }

    /// The most distinct strings one call may borrow; past it, ``lend(_:)`` answers with
    /// ``overflowText``, so a plugin asking in a loop cannot grow the call without bound.
    static let lendLimit = 256
    private static let overflowText = CString("denied by the egress policy (too many refusals in one call to name each)")

    /// `text` as a C string that stays valid until the call's context goes away.
    func lend(_ text: String) -> UnsafePointer<CChar> {
        lent.withLock { strings in
            if let known = strings[text] { return known.constPointer }
            guard strings.count < Self.lendLimit else { return Self.overflowText.constPointer }
            let made = CString(text)
            strings[text] = made
            return made.constPointer
        }
    }

    // MARK: Sinks

    /// Stops accepting results: the call is over, or the host gave up on it.
    func close() { results.withLock { $0.closed = true } }

    /// Whether the host no longer wants results.
    var isClosed: Bool { results.withLock { $0.closed } || deadline.hasPassed }

    func setCheckResult(_ status: Int32, _ message: String) {
        results.withLock { if !$0.closed { $0.checkResult = (status, message) } }
    }

    func setContactResult(_ status: Int32, _ error: String, _ receipt: String?) {
        results.withLock { if !$0.closed { $0.contactResult = (status, error, receipt) } }
    }

    /// The most metrics one call may report; later ones are dropped, so a runaway plugin
    /// cannot grow a result without bound.
    static let metricLimit = 64

    func addMetric(_ metric: Metric) {
        results.withLock { if !$0.closed, $0.metrics.count < Self.metricLimit { $0.metrics.append(metric) } }
    }

    func addProblem(_ problem: ParamProblem) {
        results.withLock { $0.problems.append(problem) }
    }

    var problems: [ParamProblem] { results.withLock { $0.problems } }

    var checkResult: (status: Int32, message: String)? { results.withLock { $0.checkResult } }
    var contactResult: (status: Int32, error: String, receipt: String?)? { results.withLock { $0.contactResult } }
    var metrics: [Metric] { results.withLock { $0.metrics } }
}
