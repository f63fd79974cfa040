import BearmonCore
import BearmonSystem
import Logging
import BearmonSystem
import PluginABI

/// The `bearmon_host` function table every plugin receives: one static instance for the life
/// of the process. Each function finds its ``CallContext`` from the `bearmon_call *`.
enum HostTable {
    /// The table, allocated once and never freed.
    nonisolated(unsafe) static let shared: UnsafePointer<bearmon_host> = {
        let table = UnsafeMutablePointer<bearmon_host>.allocate(capacity: 1)
        table.initialize(to: bearmon_host(
            struct_size: UInt32(MemoryLayout<bearmon_host>.size),
            abi_major: UInt32(BEARMON_ABI_MAJOR),
            abi_minor: UInt32(BEARMON_ABI_MINOR),
            host_version: CString(BearmonVersion.current).leaked,
            log: log,
            config_get: configGet,
            param_string: paramString,
            param_int: paramInt,
            param_bool: paramBool,
            param_double: paramDouble,
            param_map_count: paramMapCount,
            param_map_entry: paramMapEntry,
            param_given: paramGiven,
            remaining_ms: remainingMs,
            cancelled: cancelled,
            check_result: checkResult,
            metric: metric,
            contact_result: contactResult,
            param_error: paramError,
            notification: notification,
            egress_check: egressCheck,
            param_list_count: paramListCount,
            param_list_entry: paramListEntry
        ))
        return UnsafePointer(table)
    }()

    private static let pluginLogger = Logger(label: "bearmon.plugin")

    private static let log: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?) -> Void = { call, level, message in
        let text = message.map { String(cMessage: $0, fittedTo: .logLine) } ?? ""
        let logLevel: Logger.Level = switch level {
        case BEARMON_LOG_DEBUG: .debug
        case BEARMON_LOG_INFO: .info
        case BEARMON_LOG_WARN: .warning
        default: .error
        }
        if let context = CallContext.from(call) {
            // A plugin's log line is masked like its messages: logs are read by more people than check data.
            let text = context.params.scrubbed(text, urlsWithoutPath: context.type.kind == .contact)
            context.logger.log(level: logLevel, "\(text)", metadata: ["type": "\(context.type.name)", "call": "\(context.label)"])
        } else {
            pluginLogger.log(level: logLevel, "\(SecretMask.urls(in: text))")
        }
    }

    private static let configGet: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> UnsafePointer<CChar>? = { call, key in
        guard let context = CallContext.from(call), let key else { return nil }
        return context.config?.value(String(cString: key))
    }

    /// Finds the parameter `name` of the call, or the status code to return.
    private static func param(_ call: OpaquePointer?, _ name: UnsafePointer<CChar>?) -> Result<(CallContext, String, JSONValue), ParamAccessError> {
        guard let context = CallContext.from(call), let name else { return .failure(.init(code: BEARMON_E_ARG)) }
        let key = String(cString: name)
        guard let value = context.params.values[key] else { return .failure(.init(code: BEARMON_E_ABSENT)) }
        return .success((context, key, value))
    }

    private static let paramString: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32 = { call, name, out in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (context, key, _)):
            guard let out else { return BEARMON_E_ARG }
            guard let text = context.cString(key) else { return BEARMON_E_TYPE }
            out.pointee = text
            return BEARMON_OK
        }
    }

    private static let paramInt: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<Int64>?) -> Int32 = { call, name, out in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (_, _, value)):
            guard let out else { return BEARMON_E_ARG }
            guard case .int(let number) = value else { return BEARMON_E_TYPE }
            out.pointee = number
            return BEARMON_OK
        }
    }

    private static let paramBool: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<Int32>?) -> Int32 = { call, name, out in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (_, _, value)):
            guard let out else { return BEARMON_E_ARG }
            guard case .bool(let flag) = value else { return BEARMON_E_TYPE }
            out.pointee = flag ? 1 : 0
            return BEARMON_OK
        }
    }

    private static let paramDouble: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<Double>?) -> Int32 = { call, name, out in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (_, _, value)):
            guard let out else { return BEARMON_E_ARG }
            switch value {
            case .double(let number): out.pointee = number
            case .int(let number): out.pointee = Double(number)
            default: return BEARMON_E_TYPE
            }
            return BEARMON_OK
        }
    }

    private static let paramMapCount: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<Int>?) -> Int32 = { call, name, out in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (context, key, _)):
            guard let out else { return BEARMON_E_ARG }
            guard let entries = context.mapEntries(key) else { return BEARMON_E_TYPE }
            out.pointee = entries.count
            return BEARMON_OK
        }
    }

    private static let paramMapEntry: @convention(c) (
        OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafeMutablePointer<UnsafePointer<CChar>?>?
    ) -> Int32 = { call, name, index, keyOut, valueOut in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (context, key, _)):
            guard let entries = context.mapEntries(key) else { return BEARMON_E_TYPE }
            guard index >= 0, index < entries.count else { return BEARMON_E_RANGE }
            keyOut?.pointee = entries[index].key.constPointer
            valueOut?.pointee = entries[index].value.constPointer
            return BEARMON_OK
        }
    }

    private static let paramListCount: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<Int>?) -> Int32 = { call, name, out in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (context, key, _)):
            guard let out else { return BEARMON_E_ARG }
            guard let entries = context.listEntries(key) else { return BEARMON_E_TYPE }
            out.pointee = entries.count
            return BEARMON_OK
        }
    }

    private static let paramListEntry: @convention(c) (
        OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<UnsafePointer<CChar>?>?
    ) -> Int32 = { call, name, index, out in
        switch param(call, name) {
        case .failure(let error): return error.code
        case .success(let (context, key, _)):
            guard let out else { return BEARMON_E_ARG }
            guard let entries = context.listEntries(key) else { return BEARMON_E_TYPE }
            guard index >= 0, index < entries.count else { return BEARMON_E_RANGE }
            out.pointee = entries[index].constPointer
            return BEARMON_OK
        }
    }

    private static let paramGiven: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32 = { call, name in
        guard let context = CallContext.from(call), let name else { return 0 }
        return context.params.given.contains(String(cString: name)) ? 1 : 0
    }

    private static let remainingMs: @convention(c) (OpaquePointer?) -> Int64 = { call in
        CallContext.from(call)?.deadline.remainingMilliseconds ?? 0
    }

    private static let cancelled: @convention(c) (OpaquePointer?) -> Int32 = { call in
        guard let context = CallContext.from(call) else { return 1 }
        return context.isClosed ? 1 : 0
    }

    private static let checkResult: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?) -> Void = { call, status, message in
        CallContext.from(call)?.setCheckResult(status, message.map { String(cMessage: $0, fittedTo: .message) } ?? "")
    }

    private static let metric: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Double, UnsafePointer<CChar>?) -> Void = { call, name, value, unit in
        guard let context = CallContext.from(call), let name else { return }
        context.addMetric(Metric(name: String(cMessage: name, fittedTo: .metricName), value: value,
                                 unit: unit.map { String(cMessage: $0, fittedTo: .metricUnit) } ?? ""))
    }

    private static let contactResult: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = { call, status, error, receipt in
        CallContext.from(call)?.setContactResult(status, error.map { String(cMessage: $0, fittedTo: .lastError) } ?? "",
                                                 receipt.map { String(cMessage: $0, fittedTo: .receipt) })
    }

    private static let paramError: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = { call, param, reason in
        CallContext.from(call)?.addProblem(ParamProblem(param: param.map { String(cString: $0) }, reason: reason.map { String(cString: $0) } ?? "is invalid"))
    }

    private static let egressCheck: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32 = { call, address, reason in
        guard let context = CallContext.from(call), let address, let parsed = IPAddress(parsing: String(cString: address)) else { return BEARMON_E_ARG }
        guard let refusal = context.egress.refusal(for: parsed) else { return BEARMON_OK }
        reason?.pointee = context.lend(refusal.reason)
        return BEARMON_E_DENIED
    }

    private static let notification: @convention(c) (OpaquePointer?) -> UnsafePointer<bearmon_notification>? = { call in
        CallContext.from(call)?.notification.map { UnsafePointer($0.pointer) }
    }
}

/// A host-table status code carried through a Result.
struct ParamAccessError: Error {
    let code: Int32
}

extension CString {
    /// Keeps the string alive for the life of the process and returns it.
    var leaked: UnsafePointer<CChar> {
        _ = Unmanaged.passRetained(self)
        return constPointer
    }
}
