/// A decided status change, to be written as one fenced transaction.
package struct FlipRequest: Sendable, Equatable {
    /// Unique per flip; makes the write idempotent when a commit's outcome was lost.
    package let flipID: String
    /// `checks.id`.
    package let checkID: Int64
    /// The new status: online or offline.
    package let status: CheckStatus
    /// The message of the result that decided it.
    package let message: String
    /// When it was decided, unix milliseconds.
    package let time: Int64
    /// The check's name, type and masked data, copied into each notification.
    package let checkName: String
    /// See `checkName`.
    package let checkType: String
    /// See `checkName`; secrets already masked.
    package let maskedData: String
    /// When the streak of results that led to it began (the outage's or the recovery's first
    /// result), unix ms; `time` when unknown.
    package let beganAt: Int64

    /// Describes a flip.
    package init(flipID: String, checkID: Int64, status: CheckStatus, message: String, time: Int64, checkName: String, checkType: String, maskedData: String,
                 beganAt: Int64? = nil) {
        self.beganAt = min(beganAt ?? time, time)
        self.flipID = flipID
        self.checkID = checkID
        self.status = status
        self.message = message
        self.time = time
        self.checkName = checkName
        self.checkType = checkType
        self.maskedData = maskedData
    }
}

/// What a flip wrote.
package struct FlipRecord: Sendable, Equatable {
    /// The flip's id.
    package let flipID: String
    /// The `check_events` row.
    package let checkEventID: Int64
    /// The outbox rows' event ids, one per notified contact.
    package let eventIDs: [String]
    /// False when the flip had already been written (a retried commit).
    package let isNew: Bool

    /// A value from its parts.
    package init(flipID: String, checkEventID: Int64, eventIDs: [String], isNew: Bool) {
        self.flipID = flipID
        self.checkEventID = checkEventID
        self.eventIDs = eventIDs
        self.isNew = isNew
    }
}

/// The controller view row: the fencing token.
package struct ViewRow: Sendable, Equatable {
    /// The view number; only ever rises.
    package let number: Int64
    /// Who holds it (a node name).
    package let holder: String

    /// A value from its parts.
    package init(number: Int64, holder: String) {
        self.number = number
        self.holder = holder
    }
}
