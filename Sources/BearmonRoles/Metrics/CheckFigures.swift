import BearmonCore

/// What the controller keeps about one check for `/metrics` beyond the state machine: kept
/// across views, so that its counter only goes up while the process lives.
struct CheckFigures: Sendable {
    /// Flips this process has written.
    var flips: UInt64 = 0
    /// Whether a result has said online or offline since the process started.
    var judged = false
    /// The last result's plugin metrics.
    var metrics: [Metric] = []
}
