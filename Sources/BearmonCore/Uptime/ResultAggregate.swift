/// Results of one check in one bucket (an hour, or a local day): how many, how many online,
/// and their latency, with the first and last result's time. What uptime bars and latency
/// charts read instead of raw results.
package struct ResultAggregate: Sendable, Equatable {
    /// Results of any status.
    package var results: Int64
    /// Results that were online.
    package var online: Int64
    /// Sum of latencies, ms.
    package var latencySum: Double
    /// Smallest latency, ms.
    package var latencyMin: Double
    /// Largest latency, ms.
    package var latencyMax: Double
    /// The first result's time, unix ms.
    package var firstAt: Int64
    /// The last result's time, unix ms.
    package var lastAt: Int64

    /// One result's contribution.
    package init(_ result: ResultRecord) {
        results = 1
        online = result.status == .online ? 1 : 0
        let latency = result.latencyMilliseconds.isFinite ? max(0, result.latencyMilliseconds) : 0
        latencySum = latency
        latencyMin = latency
        latencyMax = latency
        firstAt = result.time
        lastAt = result.time
    }

    /// A value from its parts.
    package init(results: Int64, online: Int64, latencySum: Double, latencyMin: Double, latencyMax: Double, firstAt: Int64, lastAt: Int64) {
        self.results = results
        self.online = online
        self.latencySum = latencySum
        self.latencyMin = latencyMin
        self.latencyMax = latencyMax
        self.firstAt = firstAt
        self.lastAt = lastAt
    }

    /// Adds `other` (another result, or another part of the same bucket).
    package mutating func merge(_ other: ResultAggregate) {
        // Saturating: a stored bucket's counts can be any 64-bit number.
        results = results.saturatingAdding(other.results)
        online = online.saturatingAdding(other.online)
        latencySum += other.latencySum
        latencyMin = min(latencyMin, other.latencyMin)
        latencyMax = max(latencyMax, other.latencyMax)
        firstAt = min(firstAt, other.firstAt)
        lastAt = max(lastAt, other.lastAt)
    }

    /// Mean latency, ms; 0 without results.
    package var latencyMean: Double { results > 0 ? latencySum / Double(results) : 0 }
}

extension Sequence<ResultAggregate> {
    /// Online results ÷ all results, in 0...1; nil without results. Summed in `Double`: stored
    /// counts can be any 64-bit number, and two large ones overflowed an `Int64` sum.
    package var onlineRatio: Double? {
        var results = 0.0, online = 0.0
        for aggregate in self {
            results += Double(aggregate.results)
            online += Double(aggregate.online)
        }
        return results > 0 ? Swift.min(1, Swift.max(0, online / results)) : nil
    }

    /// The mean latency (ms) over all results; nil without results. Summed as ``onlineRatio`` is.
    package var meanLatency: Double? {
        var results = 0.0, latencySum = 0.0
        for aggregate in self {
            results += Double(aggregate.results)
            latencySum += aggregate.latencySum
        }
        return results > 0 ? latencySum / results : nil
    }
}

/// A batch of results rolled up per (check, hour) and per (check, local day), so that the
/// store writes one upsert per bucket.
package struct ResultRollup: Sendable, Equatable {
    /// Hour buckets, keyed by check and the hour's first instant (unix ms).
    package var hourly: [BucketKey: ResultAggregate] = [:]
    /// Day buckets, keyed by check and local day number.
    package var daily: [BucketKey: ResultAggregate] = [:]

    /// A check and a bucket.
    package struct BucketKey: Sendable, Hashable, Comparable {
        /// `checks.id`.
        package let checkID: Int64
        /// The hour's first instant (ms), or the local day number.
        package let bucket: Int64

        /// By check, then bucket.
        package static func < (lhs: BucketKey, rhs: BucketKey) -> Bool { (lhs.checkID, lhs.bucket) < (rhs.checkID, rhs.bucket) }
    }

    /// Milliseconds in an hour.
    package static let hourMs: Int64 = 3_600_000

    /// Rolls `results` up, cutting days in `days`.
    package init(_ results: [ResultRecord], days: DayCalendar) {
        for result in results {
            let part = ResultAggregate(result)
            let hour = result.time >= 0 ? result.time / Self.hourMs * Self.hourMs : (result.time - Self.hourMs + 1) / Self.hourMs * Self.hourMs
            Self.add(part, to: &hourly, at: BucketKey(checkID: result.checkID, bucket: hour))
            Self.add(part, to: &daily, at: BucketKey(checkID: result.checkID, bucket: days.day(of: result.time)))
        }
    }

    private static func add(_ part: ResultAggregate, to buckets: inout [BucketKey: ResultAggregate], at key: BucketKey) {
        if buckets[key] == nil { buckets[key] = part } else { buckets[key]?.merge(part) }
    }
}
