package import BearmonCore

/// How a test notification went (`bearmon contacts test ID`, `POST /api/v1/contacts/{id}/test`):
/// its event id as the receiver saw it, delivered or failed, and the error or the receipt.
package struct TestNotificationResource: Sendable, Equatable, Codable {
    /// What the test's outbox row and the receiver's notification carry.
    package var eventID: String
    /// The contact it went to.
    package var contactID: Int64
    /// `delivered` or `failed` (one attempt; a failure that could be retried is reported as failed).
    package var outcome: String
    /// Why it failed, as the contact type words it (secrets masked); nil when delivered.
    package var error: String?
    /// The receiver's receipt, such as a Twilio sid, when it gives one.
    package var receipt: String?

    /// Whether the receiver accepted it.
    package var delivered: Bool { outcome == "delivered" }

    /// The report of the test `entry` whose one attempt ended with `outcome`.
    package init(_ entry: OutboxEntry, outcome: ContactOutcome) {
        eventID = entry.eventID
        contactID = entry.contactID
        let delivered = outcome.status == .delivered
        self.outcome = delivered ? "delivered" : "failed"
        error = delivered ? nil : outcome.error
        receipt = outcome.receipt
    }

    enum CodingKeys: String, CodingKey {
        case outcome, error, receipt
        case eventID = "event_id"
        case contactID = "contact_id"
    }
}
