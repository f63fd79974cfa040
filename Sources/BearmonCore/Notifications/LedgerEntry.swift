/// What one contact last heard about one check (or is about to: a pending row counts).
package struct LedgerEntry: Sendable, Equatable {
    /// `checks.id`.
    package let checkID: Int64
    /// `contacts.id`.
    package let contactID: Int64
    /// The status it was told.
    package let status: CheckStatus
    /// The event id of the row that told it.
    package let eventID: String
    /// When that row was written, unix ms.
    package let heardAt: Int64

    /// A value from its parts.
    package init(checkID: Int64, contactID: Int64, status: CheckStatus, eventID: String, heardAt: Int64) {
        self.checkID = checkID
        self.contactID = contactID
        self.status = status
        self.eventID = eventID
        self.heardAt = heardAt
    }
}

/// What one pass over the held rows did.
package struct HeldRelease: Sendable, Equatable {
    /// Catch-up rows written.
    package var caughtUp = 0
    /// Held rows cancelled.
    package var cancelled = 0
    /// Held rows still held.
    package var stillHeld = 0

    /// Counts from their parts; nothing done by default.
    package init(caughtUp: Int = 0, cancelled: Int = 0, stillHeld: Int = 0) {
        self.caughtUp = caughtUp
        self.cancelled = cancelled
        self.stillHeld = stillHeld
    }
}
