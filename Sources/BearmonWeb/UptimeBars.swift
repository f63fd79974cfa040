package import BearmonCore

/// Uptime bars as a small inline SVG: one bar per day (or hour), coloured by its aggregate
/// (all results online, some, none, or no result at all). Bars of one colour are one path, so
/// a page of 100 checks with 114 bars each stays small.
package enum UptimeBars {
    /// How a bar looks.
    package enum Shade: String, Sendable, CaseIterable {
        /// Every result online.
        case up
        /// Some results offline.
        case part
        /// No result online.
        case down
        /// No result.
        case none
    }

    /// The shade of `aggregate` (nil: no result in the bucket).
    package static func shade(_ aggregate: ResultAggregate?) -> Shade {
        guard let aggregate, aggregate.results > 0 else { return .none }
        if aggregate.online >= aggregate.results { return .up }
        return aggregate.online == 0 ? .down : .part
    }

    /// An SVG of `shades` (oldest first), each bar `width` wide, titled `label`.
    package static func svg(_ shades: [Shade], width: Int, label: String) -> String {
        let step = width + 1
        var paths: [Shade: String] = [:]
        for (index, shade) in shades.enumerated() {
            paths[shade, default: ""] += "M\(index * step) 0h\(width)v14h-\(width)z"
        }
        let body = Shade.allCases.compactMap { shade in paths[shade].map { "<path class=\"\(shade.rawValue)\" d=\"\($0)\"/>" } }.joined()
        return "<svg role=\"img\" aria-label=\"\(label)\" width=\"\(shades.count * step)\" height=\"14\" viewBox=\"0 0 \(shades.count * step) 14\">"
            + "<title>\(label)</title>\(body)</svg>"
    }

    /// Shades of the `count` days ending with `lastDay`, from `aggregates` by day.
    package static func days(_ aggregates: [(day: Int64, aggregate: ResultAggregate)], lastDay: Int64, count: Int) -> [Shade] {
        let byDay = Dictionary(aggregates.map { ($0.day, $0.aggregate) }, uniquingKeysWith: { first, _ in first })
        return (0..<Int64(count)).map { shade(byDay[lastDay - Int64(count) + 1 + $0]) }
    }

    /// Shades of the `count` hours ending with the one starting at `lastHour`, from `aggregates` by hour start.
    package static func hours(_ aggregates: [(hourStart: Int64, aggregate: ResultAggregate)], lastHour: Int64, count: Int) -> [Shade] {
        let byHour = Dictionary(aggregates.map { ($0.hourStart, $0.aggregate) }, uniquingKeysWith: { first, _ in first })
        return (0..<Int64(count)).map { shade(byHour[lastHour - (Int64(count) - 1 - $0) * ResultRollup.hourMs]) }
    }

    /// The label for shades: how many bars of each kind.
    package static func label(_ shades: [Shade], unit: String) -> String {
        let counts = Dictionary(grouping: shades, by: { $0 }).mapValues(\.count)
        return "\(shades.count) \(unit): \(counts[.up] ?? 0) up, \(counts[.part] ?? 0) partly down, \(counts[.down] ?? 0) down, \(counts[.none] ?? 0) without results"
    }
}
