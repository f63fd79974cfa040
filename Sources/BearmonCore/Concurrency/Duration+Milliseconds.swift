extension Duration {
    /// This duration in whole milliseconds (rounded toward zero, saturating), for arithmetic
    /// with the monotonic and wall-clock millisecond timestamps bearmon schedules and stores by.
    package var inMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let whole = seconds.secondsInMilliseconds
        // No whole number of seconds is exactly Int64's bound in milliseconds: these saturated.
        guard whole != .max, whole != .min else { return whole }
        return whole.saturatingAdding(attoseconds / 1_000_000_000_000_000)
    }
}
