import BearmonPlugins

/// Validated parameters by (type, data), so that a check run every second is not parsed and
/// validated every second. Bounded: when full, it starts over.
struct ParamsCache {
    let limit: Int
    private var entries: [String: ResolvedParams] = [:]

    init(limit: Int) { self.limit = limit }

    mutating func resolve(type: PluginType, data: String, host: PluginHost) throws -> ResolvedParams {
        let key = type.name + "\u{0}" + data
        if let cached = entries[key] { return cached }
        let resolved = try host.validate(type, data: data)
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = resolved
        return resolved
    }
}
