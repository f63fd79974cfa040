/// A parsed gobearmon-style configuration: sections of keys, each key holding one or more
/// values in file order. Section and key names are case-insensitive, as in gcfg.
package struct Config: Sendable, Equatable {
    /// One `[section]`: lower-cased key to its values, in the order they appeared.
    package struct Section: Sendable, Equatable {
        /// Values by lower-cased key.
        package internal(set) var values: [String: [String]] = [:]
        /// The line on which each key last appeared, for error messages.
        package internal(set) var lines: [String: Int] = [:]

        /// The last value of `key`, or nil.
        package func string(_ key: String) -> String? { values[key.lowercased()]?.last }
        /// Every value of a repeated `key`, in file order.
        package func list(_ key: String) -> [String] { values[key.lowercased()] ?? [] }
    }

    /// The file it came from, or "" for an empty configuration.
    package internal(set) var file: String = ""
    /// Sections by lower-cased name.
    package internal(set) var sections: [String: Section] = [:]

    /// An empty configuration: every lookup answers nil, so defaults apply.
    package init() {}

    /// The section `name`, or nil when the file has none.
    package func section(_ name: String) -> Section? { sections[name.lowercased()] }

    /// The last value of `key` in `section`, or nil.
    package func string(_ section: String, _ key: String) -> String? {
        ConfigReadLog.note(section, key)
        return self.section(section)?.string(key)
    }

    /// Every value of `key` in `section`.
    package func list(_ section: String, _ key: String) -> [String] {
        ConfigReadLog.note(section, key)
        return self.section(section)?.list(key) ?? []
    }

    /// `key` in `section` as an integer; a value that is not one is an error naming the line.
    package func int(_ section: String, _ key: String) throws(ConfigError) -> Int? {
        guard let text = string(section, key) else { return nil }
        guard let value = Int(text) else { throw error(section, key, "'\(text)' is not an integer") }
        return value
    }

    /// `key` in `section` as a boolean (true/false, yes/no, on/off, 1/0; a bare key is true).
    package func bool(_ section: String, _ key: String) throws(ConfigError) -> Bool? {
        guard let text = string(section, key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw error(section, key, "'\(text)' is not a boolean (write true or false)")
        }
    }

    /// An error located at the line where `key` was set.
    package func error(_ section: String, _ key: String, _ reason: String, cause: (any Error)? = nil) -> ConfigError {
        let line = self.section(section)?.lines[key.lowercased()] ?? 0
        return ConfigError(file: file, line: line, reason: "[\(section)] \(key): \(reason)", cause: cause)
    }
}
