import BearmonCore

/// Latency as inline SVG: a sparkline for the dashboard, a chart with its scale for the check page.
enum LatencyChart {
    /// Each hour's mean latency (ms) of the `count` hours ending with the one starting at
    /// `lastHour`, oldest first; nil for an hour without results.
    static func hourlyMeans(_ aggregates: [(hourStart: Int64, aggregate: ResultAggregate)], lastHour: Int64, count: Int) -> [Double?] {
        let byHour = Dictionary(aggregates.map { ($0.hourStart, $0.aggregate) }, uniquingKeysWith: { first, _ in first })
        return (0..<Int64(count)).map { index in
            byHour[lastHour - (Int64(count) - 1 - index) * ResultRollup.hourMs].flatMap { $0.results > 0 ? $0.latencyMean : nil }
        }
    }

    /// A polyline of `values` (ms, oldest first; nil where there was no result) scaled into
    /// `width` × `height`; gaps break the line.
    static func svg(_ values: [Double?], width: Int, height: Int, label: String, axis: Bool = false) -> String {
        let top = max(values.compactMap { $0 }.max() ?? 0, 1)
        let step = values.count > 1 ? Double(width) / Double(values.count - 1) : 0
        var lines: [String] = []
        var current: [String] = []
        for (index, value) in values.enumerated() {
            guard let value, value.isFinite else {
                if !current.isEmpty { lines.append(current.joined(separator: " ")) }
                current = []
                continue
            }
            let y = Double(height) - max(0, min(value, top)) / top * Double(height - 2) - 1
            current.append(String(format: "%.1f,%.1f", Double(index) * step, y))
        }
        if !current.isEmpty { lines.append(current.joined(separator: " ")) }
        let body = lines.map { points in
            points.contains(" ") ? "<polyline class=\"spark\" points=\"\(points)\"/>" : "<circle cx=\"\(points.split(separator: ",")[0])\" cy=\"\(points.split(separator: ",")[1])\" r=\"1.5\" fill=\"#1565c0\"/>"
        }.joined()
        let scale = axis ? "<text x=\"2\" y=\"10\" font-size=\"10\" fill=\"#666\">\(WebFormat.latency(top))</text><text x=\"2\" y=\"\(height - 2)\" font-size=\"10\" fill=\"#666\">0</text>" : ""
        return "<svg role=\"img\" aria-label=\"\(label)\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\"><title>\(label)</title>\(scale)\(body)</svg>"
    }
}
