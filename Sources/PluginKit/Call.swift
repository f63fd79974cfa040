import BearmonSystem
import PluginABI

/// One invocation, as seen from a Swift plugin: typed parameters, the deadline, the module's
/// config section, logging and metrics. Valid only inside the `run`/`validate` it was passed to.
public struct Call {
    let raw: OpaquePointer
    let host: UnsafePointer<bearmon_host>

    /// The string parameter `name`, or nil when absent (or not a string).
    public func string(_ name: String) -> String? {
        var out: UnsafePointer<CChar>?
        guard host.pointee.param_string(raw, name, &out) == BEARMON_OK, let out else { return nil }
        return String(cString: out)
    }

    /// The integer parameter `name`, or nil when absent.
    public func int(_ name: String) -> Int64? {
        var out: Int64 = 0
        return host.pointee.param_int(raw, name, &out) == BEARMON_OK ? out : nil
    }

    /// The boolean parameter `name`, or nil when absent.
    public func bool(_ name: String) -> Bool? {
        var out: Int32 = 0
        return host.pointee.param_bool(raw, name, &out) == BEARMON_OK ? out != 0 : nil
    }

    /// The number parameter `name`, or nil when absent.
    public func double(_ name: String) -> Double? {
        var out: Double = 0
        return host.pointee.param_double(raw, name, &out) == BEARMON_OK ? out : nil
    }

    /// The map parameter `name` as ordered pairs; empty when absent.
    public func map(_ name: String) -> [(key: String, value: String)] {
        var count = 0
        guard host.pointee.param_map_count(raw, name, &count) == BEARMON_OK else { return [] }
        return (0..<count).compactMap { index in
            var key: UnsafePointer<CChar>?
            var value: UnsafePointer<CChar>?
            guard host.pointee.param_map_entry(raw, name, index, &key, &value) == BEARMON_OK, let key, let value else { return nil }
            return (String(cString: key), String(cString: value))
        }
    }

    /// The list parameter `name`, in order, or nil when absent, not a list, or when the host
    /// predates ABI 1.3's list accessors.
    public func list(_ name: String) -> [String]? {
        guard hostHas(\.param_list_entry), let listCount = host.pointee.param_list_count, let listEntry = host.pointee.param_list_entry else { return nil }
        var count = 0
        guard listCount(raw, name, &count) == BEARMON_OK else { return nil }
        return (0..<count).compactMap { index in
            var entry: UnsafePointer<CChar>?
            guard listEntry(raw, name, index, &entry) == BEARMON_OK, let entry else { return nil }
            return String(cString: entry)
        }
    }

    /// Whether the data set `name` explicitly.
    public func given(_ name: String) -> Bool { host.pointee.param_given(raw, name) == 1 }

    /// Milliseconds until the deadline; non-positive once it has passed.
    public var remainingMilliseconds: Int64 { host.pointee.remaining_ms(raw) }

    /// The call's deadline on the monotonic clock.
    public var deadline: Deadline { Deadline.after(milliseconds: remainingMilliseconds) }

    /// Whether the host has given up on this call.
    public var isCancelled: Bool { host.pointee.cancelled(raw) != 0 }

    /// `key` from the module's config section, or nil.
    public func config(_ key: String) -> String? {
        host.pointee.config_get(raw, key).map { String(cString: $0) }
    }

    /// Writes a log line tagged with this call.
    public func log(_ level: Int32, _ message: String) { host.pointee.log(raw, level, message) }

    /// Records a measurement, for example `metric("connect_ms", 1.2, unit: "ms")`.
    public func metric(_ name: String, _ value: Double, unit: String? = nil) {
        host.pointee.metric(raw, name, value, unit)
    }

    /// In `validate`: reports a problem with `param` (nil for the data as a whole).
    public func reject(_ param: String?, _ reason: String) { host.pointee.param_error(raw, param, reason) }

    /// In a contact call: the event to deliver.
    public var notification: Notification? {
        host.pointee.notification(raw).map { Notification($0) }
    }
}
