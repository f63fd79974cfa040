extension Duration {
    /// This duration in whole milliseconds (rounded toward zero, saturating), for arithmetic
    /// with the monotonic and wall-clock millisecond timestamps bearmon schedules and stores by.
    package var inMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        return whole.addingReportingOverflow(attoseconds / 1_000_000_000_000_000).overflow ? (seconds < 0 ? .min : .max) : whole + attoseconds / 1_000_000_000_000_000
    }
}
