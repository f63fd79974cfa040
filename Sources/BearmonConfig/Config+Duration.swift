extension Config {
    /// What a duration looks like, for messages.
    package static let durationSyntax = "a positive duration such as 500ms, 10s, 5m, 12h, 7d or 3600 (seconds)"

    /// Why a text is not a duration.
    package enum DurationTextError: Error, Equatable {
        /// Not a positive duration in the syntax at all.
        case malformed
        /// A duration too long to count in milliseconds.
        case tooLong
    }

    /// `text` as a positive duration in milliseconds: "500ms", "10s", "5m", "12h", "7d", or a
    /// bare number of seconds. The one syntax of durations, in config files and on the command line.
    package static func milliseconds(parsing text: String) -> Result<Int64, DurationTextError> {
        // "ms" before "s", or "500ms" would read as 500 m-seconds.
        let units: [(String, Int64)] = [("ms", 1), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)]
        var value: Int64?, factor: Int64 = 1_000
        for (suffix, unitFactor) in units where text.hasSuffix(suffix) {
            value = Int64(text.dropLast(suffix.count))
            factor = unitFactor
            break
        }
        if value == nil, let seconds = Int64(text) { value = seconds }
        guard let value, value > 0 else { return .failure(.malformed) }
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? .failure(.tooLong) : .success(product)
    }

    /// `key` in `section` as a positive duration in milliseconds (see ``milliseconds(parsing:)``
    /// for the syntax). A value that is none of these is an error naming the line.
    package func milliseconds(_ section: String, _ key: String) throws(ConfigError) -> Int64? {
        guard let text = string(section, key) else { return nil }
        switch Self.milliseconds(parsing: text) {
        case .success(let milliseconds): return milliseconds
        case .failure(.tooLong): throw error(section, key, "'\(text)' is too long a duration")
        case .failure(.malformed): throw error(section, key, "'\(text)' is not \(Self.durationSyntax)")
        }
    }

    /// `key` in `section` as a positive ``Duration`` (see ``milliseconds(_:_:)`` for the syntax).
    package func duration(_ section: String, _ key: String) throws(ConfigError) -> Duration? {
        try milliseconds(section, key).map { .milliseconds($0) }
    }
}
