/// How a delivery ended.
package enum DeliveryStatus: String, Sendable, Codable {
    /// The receiver accepted it.
    case delivered
    /// A transient failure; retry with backoff.
    case retry
    /// Retrying cannot help.
    case permanent
}

/// The outcome of one contact call.
package struct ContactOutcome: Sendable, Equatable {
    /// The verdict.
    package let status: DeliveryStatus
    /// Why it was not delivered, or "".
    package let error: String
    /// A receipt such as a Twilio sid.
    package let receipt: String?

    /// Creates an outcome.
    package init(status: DeliveryStatus, error: String, receipt: String? = nil) {
        self.status = status
        self.error = error
        self.receipt = receipt
    }
}
