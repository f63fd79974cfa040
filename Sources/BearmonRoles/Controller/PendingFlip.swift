import BearmonCore

/// A decided flip waiting to be written, with the view it was decided under and when.
struct PendingFlip: Sendable {
    /// The flip.
    var flip: FlipRequest
    /// The view it was decided under; the fence alone judges it.
    let view: Int64
    /// When it was decided, monotonic milliseconds.
    let decidedAt: Int64
}

/// A check whose oldest flip the store refused even with a placeholder message. Its later
/// flips wait behind it (an offline is never overtaken by its online); other checks' flips go on.
struct HeldCheck: Sendable, Equatable {
    /// Why the store refused the flip.
    let reason: String
    /// When it was first held, monotonic milliseconds.
    let since: Int64
    /// When to try the write again, monotonic milliseconds.
    var retryAt: Int64
}
