/// The ranges every number from another node must fall in, checked as it is decoded (see
/// ``Swift/KeyedDecodingContainer/decode(_:forKey:in:)``), so that nothing a peer sends can
/// make a node overflow, wait for ever or allocate without end. A value outside its range
/// refuses the whole message, naming the field.
package enum WireRange {
    /// View numbers: far below `Int64.max`, so that counting up from any of them never traps.
    package static let view: ClosedRange<Int64> = 0...(1 << 62)
    /// A grant's lease, in milliseconds: up to a day (`[viewserver] lease` has the same bound).
    package static let leaseMilliseconds: ClosedRange<Int64> = 1...86_400_000
    /// How long a controller may hold an exchange open, in milliseconds.
    package static let waitMilliseconds: ClosedRange<Int64> = 0...600_000
    /// A process's uptime, in milliseconds: up to a century.
    package static let uptimeMilliseconds: ClosedRange<Int64> = 0...3_155_760_000_000
    /// How many assignments a worker asks for at once.
    package static let capacity: ClosedRange<Int> = 0...100_000
    /// A check's run budget, in milliseconds (a plugin's `max_run_ms` is a 32-bit count).
    package static let budgetMilliseconds: ClosedRange<Int64> = 0...Int64(UInt32.max)
    /// How long a run took, in milliseconds: up to a year.
    package static let latencyMilliseconds: ClosedRange<Double> = 0...31_557_600_000
    /// Check ids: positive, as the store counts them.
    package static let checkID: ClosedRange<Int64> = 0...Int64.max
    /// Plugin metrics in one result: as many as a plugin call may report.
    package static let metricCount = 64

    /// Why a result's `metrics` cannot be taken, or nil: too many, a name or unit longer than
    /// their columns (``TextColumn/metricName``, ``TextColumn/metricUnit``), or a value that is not finite.
    package static func problem(_ metrics: [Metric]) -> String? {
        if metrics.count > metricCount { return "\(metrics.count) metrics; at most \(metricCount) are accepted" }
        for metric in metrics {
            if metric.name.unicodeScalars.count > TextColumn.metricName.limit { return "a metric name is longer than \(TextColumn.metricName.limit) characters" }
            if metric.unit.unicodeScalars.count > TextColumn.metricUnit.limit { return "a metric unit is longer than \(TextColumn.metricUnit.limit) characters" }
            if !metric.value.isFinite { return "metric \(metric.name) is not a finite number" }
        }
        return nil
    }

    /// A decoding error as one line naming the field, for refusals and logs.
    package static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context), .valueNotFound(_, let context), .typeMismatch(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty || context.debugDescription.hasPrefix("`") ? context.debugDescription : "`\(path)`: \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "`\(key.stringValue)` is missing"
        @unknown default:
            return "\(error)"
        }
    }

    /// `highestView` as the wire spells it, `highest_view`.
    static func wireName(_ key: some CodingKey) -> String {
        key.stringValue.reduce(into: "") { name, character in
            if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
        }
    }
}

extension KeyedDecodingContainer {
    /// The value for `key`, refused (naming the field and the range) when it is outside `range`.
    package func decode<T: Decodable & Comparable>(_ type: T.Type, forKey key: Key, in range: ClosedRange<T>) throws -> T {
        let value = try decode(T.self, forKey: key)
        guard range.contains(value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription:
                "`\(WireRange.wireName(key))` = \(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Like ``decode(_:forKey:in:)`` for a field that may be absent or null.
    package func decodeIfPresent<T: Decodable & Comparable>(_ type: T.Type, forKey key: Key, in range: ClosedRange<T>) throws -> T? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(type, forKey: key, in: range)
    }
}
