extension Config {
    /// `key` in `section` as a positive duration in milliseconds: "500ms", "10s", "5m", "12h",
    /// "7d", or a bare number of seconds. A value that is none of these is an error naming
    /// the line.
    package func milliseconds(_ section: String, _ key: String) throws(ConfigError) -> Int64? {
        guard let text = string(section, key) else { return nil }
        // "ms" before "s", or "500ms" would read as 500 m-seconds.
        let units: [(String, Int64)] = [("ms", 1), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let value = Int64(text.dropLast(suffix.count)), value > 0 { return try scaled(value, by: factor, section, key, text) }
            break
        }
        if let seconds = Int64(text), seconds > 0 { return try scaled(seconds, by: 1_000, section, key, text) }
        throw error(section, key, "'\(text)' is not a positive duration such as 500ms, 10s, 5m, 12h, 7d or 3600 (seconds)")
    }

    /// `key` in `section` as a positive ``Duration`` (see ``milliseconds(_:_:)`` for the syntax).
    package func duration(_ section: String, _ key: String) throws(ConfigError) -> Duration? {
        try milliseconds(section, key).map { .milliseconds($0) }
    }

    /// `value` x `factor`, or an error for a duration too long to count in milliseconds.
    private func scaled(_ value: Int64, by factor: Int64, _ section: String, _ key: String, _ text: String) throws(ConfigError) -> Int64 {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw error(section, key, "'\(text)' is too long a duration") }
        return product
    }
}
