extension CheckScheduler {
    /// The most first runs started per second when many checks start together (a node's
    /// start, a controller's takeover, a large apply): beyond it they are spread, as
    /// Prometheus spreads scrapes, so that a restart never fires every probe at once.
    static let firstRunsPerSecond: Int64 = 1_000

    /// How long after loading check `checkID` first runs, in milliseconds, when `count`
    /// checks start together: up to ``firstRunsPerSecond`` of them all run at once (a second's
    /// worth); past that, each at a stable offset within a window of `count /
    /// firstRunsPerSecond` seconds, at most its interval, so 100,000 at interval 60 spread
    /// evenly over the minute. Confirmation runs are not scheduled here and go out at once.
    static func firstRunOffset(checkID: Int64, intervalSeconds: Int64, startingTogether count: Int) -> Int64 {
        guard Int64(count) > firstRunsPerSecond else { return 0 }
        let window = min(max(1, min(intervalSeconds, 366 * 86_400)) * 1_000, Int64(min(count, Int(Int32.max))) * 1_000 / firstRunsPerSecond)
        guard window > 1 else { return 0 }
        return Int64(stableHash(checkID) % UInt64(window))
    }

    /// SplitMix64 of `id`: the same on every controller and every start (Swift's `Hasher` is
    /// seeded per process), and well spread for consecutive ids.
    static func stableHash(_ id: Int64) -> UInt64 {
        var z = UInt64(bitPattern: id) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
