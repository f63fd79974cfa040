/// Where an outbox row stands.
package enum OutboxState: String, Sendable, Codable, CaseIterable {
    /// Not delivered yet; will be tried (again) at `nextAttempt`.
    case pending
    /// Delivered.
    case delivered
    /// Failed for good (a permanent error, or the contact is gone).
    case failed
    /// Kept back by a maintenance window, a silence or a budget; released as one `catch_up`
    /// of the current state (or nothing) when the hold ends, and then `cancelled`.
    case held
    /// Never to be sent, on purpose (a dependency's parent is down; issue 22).
    case suppressed
    /// Superseded while held: a catch-up or a later notification told the contact instead.
    case cancelled

    /// Rows still to be sent or decided: pending and held.
    package var isOpen: Bool { self == .pending || self == .held }
}

/// One notification to deliver: a (flip, contact) pair with its own event id and retries.
package struct OutboxEntry: Sendable, Equatable {
    /// Row id.
    package let id: Int64
    /// Unique per (flip, contact); carried by the notification.
    package let eventID: String
    /// The flip it belongs to.
    package let flipID: String
    /// The check.
    package let checkID: Int64
    /// The contact.
    package let contactID: Int64
    /// The contact's type, or nil when the contact has been deleted.
    package let contactType: String?
    /// The contact's data, or nil when the contact has been deleted.
    package let contactData: String?
    /// The flip's new status.
    package let status: CheckStatus
    /// Snapshot of the check at flip time.
    package let checkName: String
    /// See `checkName`.
    package let checkType: String
    /// See `checkName`; secrets masked.
    package let checkData: String
    /// The deciding result's message.
    package let message: String
    /// Delivery state.
    package let state: OutboxState
    /// Attempts made so far.
    package let attempts: Int64
    /// When the next attempt is due, unix milliseconds.
    package let nextAttempt: Int64
    /// The last attempt's error, or "".
    package let lastError: String
    /// The view of the controller that last claimed it.
    package let view: Int64
    /// The receipt, once delivered (for example a Twilio sid).
    package let receipt: String?
    /// When the flip created it, unix milliseconds.
    package let createdAt: Int64
    /// Why it was written.
    package var kind: NotificationKind = .flip
    /// Not to be sent before this time, unix ms (0: no constraint).
    package var notBefore: Int64 = 0
    /// Why it is held (see ``HoldReason``), or "".
    package var holdReason: String = ""
    /// catch_up: the notifications the contact missed while held; else 0.
    package var missed: Int64 = 0
    /// When the check entered `status`, unix ms; 0 when unknown.
    package var since: Int64 = 0
    /// What happened in words, beside the check's message; "" when none.
    package var detail: String = ""
    /// The signed single-use page that acknowledges this outage (`[notify] publicURL` set,
    /// an offline notification); nil otherwise. Made by the sender at delivery, never stored.
    package var ackURL: String?
    /// Who acknowledged the outage this row is about (for an online row, the outage it ends);
    /// looked up by the sender at delivery, never stored.
    package var acknowledgedBy: String?

    /// A value from its parts.
    package init(id: Int64, eventID: String, flipID: String, checkID: Int64, contactID: Int64, contactType: String? = nil, contactData: String? = nil, status: CheckStatus, checkName: String, checkType: String, checkData: String, message: String, state: OutboxState, attempts: Int64, nextAttempt: Int64, lastError: String, view: Int64, receipt: String? = nil, createdAt: Int64) {
        self.id = id
        self.eventID = eventID
        self.flipID = flipID
        self.checkID = checkID
        self.contactID = contactID
        self.contactType = contactType
        self.contactData = contactData
        self.status = status
        self.checkName = checkName
        self.checkType = checkType
        self.checkData = checkData
        self.message = message
        self.state = state
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.lastError = lastError
        self.view = view
        self.receipt = receipt
        self.createdAt = createdAt
    }
}

/// How a delivery attempt ended, as the outbox records it.
package enum OutboxOutcome: Sendable, Equatable {
    /// Delivered, with an optional receipt.
    case delivered(receipt: String?)
    /// Failed; try again at the given time (unix milliseconds). With `fallBack`, the row has
    /// been retried for `[notify] fallbackAfter`: its fallback contacts hear it now (once).
    case retry(error: String, at: Int64, fallBack: Bool = false)
    /// Failed for good.
    case failed(error: String)
}
