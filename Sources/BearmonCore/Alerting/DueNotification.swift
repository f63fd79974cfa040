/// The outbox's oldest notification that is due and has never been attempted, and is not
/// waiting on purpose (behind an older pending row for the same check and contact).
package struct DueNotification: Sendable, Equatable {
    /// Its event id.
    package var eventID: String
    /// The check.
    package var checkID: Int64
    /// The contact.
    package var contactID: Int64
    /// When it became due, unix milliseconds.
    package var dueAt: Int64

    /// A value from its parts.
    package init(eventID: String, checkID: Int64, contactID: Int64, dueAt: Int64) {
        self.eventID = eventID
        self.checkID = checkID
        self.contactID = contactID
        self.dueAt = dueAt
    }
}
