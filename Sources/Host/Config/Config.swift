/// A parsed gobearmon-style configuration: sections of keys, each key holding one or more
/// values in file order. Section and key names are case-insensitive, as in gcfg.
public struct Config: Sendable, Equatable {
    /// One `[section]`: lower-cased key to its values, in the order they appeared.
    public struct Section: Sendable, Equatable {
        /// Values by lower-cased key.
        public internal(set) var values: [String: [String]] = [:]
        /// The line on which each key last appeared, for error messages.
        public internal(set) var lines: [String: Int] = [:]

        /// The last value of `key`, or nil.
        public func string(_ key: String) -> String? { values[key.lowercased()]?.last }
        /// Every value of a repeated `key`, in file order.
        public func list(_ key: String) -> [String] { values[key.lowercased()] ?? [] }
    }

    /// The file it came from, or "" for an empty configuration.
    public internal(set) var file: String = ""
    /// Sections by lower-cased name.
    public internal(set) var sections: [String: Section] = [:]

    /// An empty configuration: every lookup answers nil, so defaults apply.
    public init() {}

    /// The section `name`, or nil when the file has none.
    public func section(_ name: String) -> Section? { sections[name.lowercased()] }

    /// The last value of `key` in `section`, or nil.
    public func string(_ section: String, _ key: String) -> String? { self.section(section)?.string(key) }

    /// Every value of `key` in `section`.
    public func list(_ section: String, _ key: String) -> [String] { self.section(section)?.list(key) ?? [] }

    /// `key` in `section` as an integer; a value that is not one is an error naming the line.
    public func int(_ section: String, _ key: String) throws(ConfigError) -> Int? {
        guard let text = string(section, key) else { return nil }
        guard let value = Int(text) else { throw error(section, key, "'\(text)' is not an integer") }
        return value
    }

    /// `key` in `section` as a boolean (true/false, yes/no, on/off, 1/0; a bare key is true).
    public func bool(_ section: String, _ key: String) throws(ConfigError) -> Bool? {
        guard let text = string(section, key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw error(section, key, "'\(text)' is not a boolean (write true or false)")
        }
    }

    /// An error located at the line where `key` was set.
    public func error(_ section: String, _ key: String, _ reason: String) -> ConfigError {
        let line = self.section(section)?.lines[key.lowercased()] ?? 0
        return ConfigError(file: file, line: line, reason: "[\(section)] \(key): \(reason)")
    }
}
