/// Where an outbox row stands.
public enum OutboxState: String, Sendable, Codable, CaseIterable {
    /// Not delivered yet; will be tried (again) at `nextAttempt`.
    case pending
    /// Delivered.
    case delivered
    /// Failed for good (a permanent error, or the contact is gone).
    case failed
}

/// One notification to deliver: a (flip, contact) pair with its own event id and retries.
public struct OutboxEntry: Sendable, Equatable {
    /// Row id.
    public let id: Int64
    /// Unique per (flip, contact); carried by the notification.
    public let eventID: String
    /// The flip it belongs to.
    public let flipID: String
    /// The check.
    public let checkID: Int64
    /// The contact.
    public let contactID: Int64
    /// The contact's type, or nil when the contact has been deleted.
    public let contactType: String?
    /// The contact's data, or nil when the contact has been deleted.
    public let contactData: String?
    /// The flip's new status.
    public let status: CheckStatus
    /// Snapshot of the check at flip time.
    public let checkName: String
    /// See `checkName`.
    public let checkType: String
    /// See `checkName`; secrets masked.
    public let checkData: String
    /// The deciding result's message.
    public let message: String
    /// Delivery state.
    public let state: OutboxState
    /// Attempts made so far.
    public let attempts: Int64
    /// When the next attempt is due, unix milliseconds.
    public let nextAttempt: Int64
    /// The last attempt's error, or "".
    public let lastError: String
    /// The view of the controller that last claimed it.
    public let view: Int64
    /// The receipt, once delivered (for example a Twilio sid).
    public let receipt: String?
    /// When the flip created it, unix milliseconds.
    public let createdAt: Int64
}

/// How a delivery attempt ended, as the outbox records it.
public enum OutboxOutcome: Sendable, Equatable {
    /// Delivered, with an optional receipt.
    case delivered(receipt: String?)
    /// Failed; try again at the given time (unix milliseconds).
    case retry(error: String, at: Int64)
    /// Failed for good.
    case failed(error: String)
}
