/// Half-open spans of time `[start, end)` in unix ms, kept sorted and disjoint, with the set
/// operations uptime needs. Empty spans are dropped.
package struct SpanSet: Sendable, Equatable {
    /// The spans, sorted, disjoint, none empty.
    package private(set) var spans: [Range<Int64>] = []

    /// An empty set.
    package init() {}

    /// The union of `ranges`.
    package init(_ ranges: [Range<Int64>]) {
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = spans.last, range.lowerBound <= last.upperBound {
                spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                spans.append(range)
            }
        }
    }

    /// Total length, ms.
    package var length: Int64 { spans.reduce(0) { $0 + ($1.upperBound - $1.lowerBound) } }

    /// What both sets cover.
    package func intersection(_ other: SpanSet) -> SpanSet {
        var result: [Range<Int64>] = []
        var (i, j) = (0, 0)
        while i < spans.count, j < other.spans.count {
            let a = spans[i], b = other.spans[j]
            let low = max(a.lowerBound, b.lowerBound), high = min(a.upperBound, b.upperBound)
            if low < high { result.append(low..<high) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        return SpanSet(result)
    }

    /// What this set covers and `other` does not.
    package func subtracting(_ other: SpanSet) -> SpanSet {
        var result: [Range<Int64>] = []
        for span in spans {
            var start = span.lowerBound
            for cut in other.spans where cut.upperBound > start && cut.lowerBound < span.upperBound {
                if cut.lowerBound > start { result.append(start..<cut.lowerBound) }
                start = max(start, cut.upperBound)
            }
            if start < span.upperBound { result.append(start..<span.upperBound) }
        }
        return SpanSet(result)
    }

    /// This set cut to `[from, to)`.
    package func clamped(to range: Range<Int64>) -> SpanSet { intersection(SpanSet([range])) }
}
