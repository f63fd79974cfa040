/// A decided status change, to be written as one fenced transaction.
public struct FlipRequest: Sendable, Equatable {
    /// Unique per flip; makes the write idempotent when a commit's outcome was lost.
    public let flipID: String
    /// `checks.id`.
    public let checkID: Int64
    /// The new status: online or offline.
    public let status: CheckStatus
    /// The message of the result that decided it.
    public let message: String
    /// When it was decided, unix milliseconds.
    public let time: Int64
    /// The check's name, type and masked data, copied into each notification.
    public let checkName: String
    /// See `checkName`.
    public let checkType: String
    /// See `checkName`; secrets already masked.
    public let maskedData: String

    /// Describes a flip.
    public init(flipID: String, checkID: Int64, status: CheckStatus, message: String, time: Int64, checkName: String, checkType: String, maskedData: String) {
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
public struct FlipRecord: Sendable, Equatable {
    /// The flip's id.
    public let flipID: String
    /// The `check_events` row.
    public let checkEventID: Int64
    /// The outbox rows' event ids, one per notified contact.
    public let eventIDs: [String]
    /// False when the flip had already been written (a retried commit).
    public let isNew: Bool
}

/// The controller view row: the fencing token.
public struct ViewRow: Sendable, Equatable {
    /// The view number; only ever rises.
    public let number: Int64
    /// Who holds it (a node name).
    public let holder: String
}
