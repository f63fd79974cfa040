import BearmonCore

extension OutboxOutcome {
    /// The outcome as `bearmon_notifications_total`'s `outcome` label says it.
    var word: String {
        switch self {
        case .delivered: "delivered"
        case .retry: "retry"
        case .failed: "failed"
        }
    }
}
