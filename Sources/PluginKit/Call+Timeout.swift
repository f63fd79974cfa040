extension Call {
    /// gobearmon's `timeout` rule for the http and tcp checks: 0 or absent means `fallback`
    /// seconds (Go's zero value stood for its default); any other value is clamped to `range`.
    public func timeoutSeconds(_ name: String = "timeout", fallback: Int64, clampedTo range: ClosedRange<Int64>) -> Int64 {
        let given = int(name) ?? 0
        return given == 0 ? fallback : min(max(given, range.lowerBound), range.upperBound)
    }
}
