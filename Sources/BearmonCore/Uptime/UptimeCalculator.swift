/// Uptime over a span, as time online ÷ time monitored, from the flips and the aggregates,
/// never from raw results. Pure: the store gathers the facts, `now` is passed in.
///
/// - An outage runs from its offline flip's `beganAt` (the first failing result of the
///   streak that led to it) to the next online flip's `beganAt` (or to the end of the span).
/// - Time monitored is where results exist: each aggregate bucket with results counts whole,
///   except at the edge of a gap, where it counts from its first result, or to its last
///   result plus one interval. Time without any result (bearmon itself down) and time in
///   maintenance count in neither the numerator nor the denominator.
package struct UptimeCalculator: Sendable {
    /// One bucket with results: its span and the aggregate.
    package struct Bucket: Sendable, Equatable {
        /// The bucket's span (an hour, or a local day).
        package let span: Range<Int64>
        /// Its results.
        package let aggregate: ResultAggregate

        /// A value from its parts.
        package init(span: Range<Int64>, aggregate: ResultAggregate) {
            self.span = span
            self.aggregate = aggregate
        }
    }

    /// The check's interval, ms: how long after its last result a bucket before a gap counts.
    package let intervalMs: Int64

    /// A calculator for a check run every `intervalMs`.
    package init(intervalMs: Int64) { self.intervalMs = max(1_000, intervalMs) }

    /// The spans results cover, from `buckets` (in any order, none overlapping).
    package func monitored(_ buckets: [Bucket]) -> SpanSet {
        let sorted = buckets.filter { $0.aggregate.results > 0 }.sorted { $0.span.lowerBound < $1.span.lowerBound }
        var spans: [Range<Int64>] = []
        for (index, bucket) in sorted.enumerated() {
            let joinsPrevious = index > 0 && sorted[index - 1].span.upperBound == bucket.span.lowerBound
            let joinsNext = index + 1 < sorted.count && sorted[index + 1].span.lowerBound == bucket.span.upperBound
            let start = joinsPrevious ? bucket.span.lowerBound : max(bucket.span.lowerBound, bucket.aggregate.firstAt)
            let end = joinsNext ? bucket.span.upperBound : min(bucket.span.upperBound, bucket.aggregate.lastAt.saturatingAdding(intervalMs))
            if start < end { spans.append(start..<end) }
        }
        return SpanSet(spans)
    }

    /// The outages in `span`, from `flips` (oldest first; the first may precede the span and
    /// gives the state it starts in; without one the check starts online).
    package func outages(_ flips: [FlipHistoryRow], in span: Range<Int64>) -> SpanSet {
        var outages: [Range<Int64>] = []
        var downSince: Int64?
        for flip in flips {
            let began = min(flip.beganAt ?? flip.time, flip.time)
            switch flip.status {
            case .offline: if downSince == nil { downSince = began }
            case .online:
                if let since = downSince, since < began { outages.append(since..<began) }
                downSince = nil
            case .fail: break
            }
        }
        if let since = downSince, since < span.upperBound { outages.append(since..<span.upperBound) }
        return SpanSet(outages).clamped(to: span)
    }

    /// Uptime in `span`: nil when nothing in it was monitored outside maintenance.
    package func uptime(in span: Range<Int64>, flips: [FlipHistoryRow], buckets: [Bucket], maintenance: SpanSet) -> Double? {
        let counted = monitored(buckets).clamped(to: span).subtracting(maintenance)
        let total = counted.length
        guard total > 0 else { return nil }
        let down = outages(flips, in: span).intersection(counted).length
        return Double(total - down) / Double(total)
    }
}

extension MaintenanceWindowSchedule {
    /// The spans of this schedule within `span`, at most `limit` of them.
    package func spans(in span: Range<Int64>, limit: Int = 10_000) -> SpanSet {
        var found: [Range<Int64>] = []
        if let open = window(covering: span.lowerBound) { found.append(open.start..<open.end) }
        var cursor = span.lowerBound
        while found.count < limit, let start = nextStart(after: cursor), start < span.upperBound {
            if let window = window(covering: start) { found.append(window.start..<window.end) }
            cursor = start + 1
        }
        return SpanSet(found).clamped(to: span)
    }
}
