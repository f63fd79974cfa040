/// How a delivery ended.
public enum DeliveryStatus: String, Sendable, Codable {
    /// The receiver accepted it.
    case delivered
    /// A transient failure; retry with backoff.
    case retry
    /// Retrying cannot help.
    case permanent
}

/// The outcome of one contact call.
public struct ContactOutcome: Sendable, Equatable {
    /// The verdict.
    public let status: DeliveryStatus
    /// Why it was not delivered, or "".
    public let error: String
    /// A receipt such as a Twilio sid.
    public let receipt: String?

    /// Creates an outcome.
    public init(status: DeliveryStatus, error: String, receipt: String? = nil) {
        self.status = status
        self.error = error
        self.receipt = receipt
    }
}
