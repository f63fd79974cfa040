/// The outbox's oldest notification that is due and has never been attempted, and is not
/// waiting on purpose (behind an older pending row for the same check and contact).
public struct DueNotification: Sendable, Equatable {
    /// Its event id.
    public var eventID: String
    /// The check.
    public var checkID: Int64
    /// The contact.
    public var contactID: Int64
    /// When it became due, unix milliseconds.
    public var dueAt: Int64
}
