package import BearmonCore

/// Plugin metrics in Prometheus's base units (seconds, bytes, ratios), as its naming rules
/// ask: `connect_ms` 12.5 (unit `ms`) becomes `connect_seconds` 0.0125, `loss_percent` 20
/// (unit `%`) becomes `loss_ratio` 0.2, `days_left` 3 (unit `days`) becomes `seconds_left`
/// 259200. A unit bearmon does not know keeps the name and the value as the plugin gave them.
package struct BaseUnit: Sendable, Equatable {
    /// The base unit's word in a metric name: "seconds", "bytes" or "ratio".
    package let word: String
    /// What one of the plugin's unit is in the base unit.
    package let factor: Double
    /// How the plugin's unit may appear in its metric's name ("ms" in `connect_ms`).
    package let spellings: [String]

    /// Units plugins report, lower-cased, with their base.
    static let known: [String: BaseUnit] = {
        var table: [String: BaseUnit] = [:]
        func add(_ units: [String], _ word: String, _ factor: Double) {
            let unit = BaseUnit(word: word, factor: factor, spellings: units)
            for spelling in units { table[spelling] = unit }
        }
        add(["ns", "nanoseconds"], "seconds", 1e-9)
        add(["us", "µs", "microseconds"], "seconds", 1e-6)
        add(["ms", "msec", "milliseconds"], "seconds", 1e-3)
        add(["s", "sec", "seconds"], "seconds", 1)
        add(["min", "minutes"], "seconds", 60)
        add(["h", "hours"], "seconds", 3_600)
        add(["d", "days"], "seconds", 86_400)
        add(["b", "bytes"], "bytes", 1)
        add(["kb", "kilobytes"], "bytes", 1_000)
        add(["kib"], "bytes", 1_024)
        add(["mb", "megabytes"], "bytes", 1_000_000)
        add(["mib"], "bytes", 1_048_576)
        add(["%", "percent"], "ratio", 0.01)
        return table
    }()

    /// `metric` as (name, value) in its base unit, named as above.
    package static func convert(_ metric: Metric) -> (name: String, value: Double) {
        guard let unit = known[metric.unit.lowercased()] else { return (metric.name, metric.value) }
        return (unit.rename(metric.name), metric.value * unit.factor)
    }

    /// `name` with the unit's spelling replaced by the base word: as a suffix (`connect_ms`),
    /// as a prefix (`days_left`), or, when the name does not spell the unit, appended.
    func rename(_ name: String) -> String {
        let lower = name.lowercased()
        for spelling in spellings {
            if lower == spelling { return word }
            if lower.hasSuffix("_" + spelling) { return name.dropLast(spelling.count) + word }
            if lower.hasPrefix(spelling + "_") { return word + name.dropFirst(spelling.count) }
        }
        return lower.hasSuffix("_" + word) || lower == word ? name : name + "_" + word
    }
}
