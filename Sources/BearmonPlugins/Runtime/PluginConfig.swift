package import BearmonConfig

/// One module's config section, ready to lend to plugins as C strings. Built once per
/// configuration and shared by every call of that module's types.
package final class PluginConfig: Sendable {
    /// The section name, lower-cased.
    package let section: String
    private let values: [String: CString]

    /// The `section` of `config`, or an empty one when the file has none.
    package init(config: Config, section: String) {
        self.section = section
        var values: [String: CString] = [:]
        for (key, list) in config.section(section)?.values ?? [:] {
            if let last = list.last { values[key] = CString(last) }
        }
        self.values = values
    }

    /// The last value of `key` (case-insensitive), or nil.
    func value(_ key: String) -> UnsafePointer<CChar>? { values[key.lowercased()]?.constPointer }
}
