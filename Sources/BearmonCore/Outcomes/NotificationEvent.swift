/// A notification to deliver, as the host knows it.
package struct NotificationEvent: Sendable, Equatable {
    /// Unique per (flip, contact).
    package var eventID: String
    /// "online" or "offline".
    package var status: String
    /// The check's last message.
    package var message: String
    /// `checks.id`, or 0.
    package var checkID: Int64
    /// `checks.name`.
    package var checkName: String
    /// `checks.type`.
    package var checkType: String
    /// `checks.data` with secrets masked.
    package var maskedCheckData: String
    /// When the flip was decided, in seconds since the epoch.
    package var time: Int64
    /// Why it was sent (ABI 1.2's `kind`): "flip", "catch_up", "test", ...; `status` stays online or offline.
    package var kind: String = "flip"
    /// catch_up: the flips the contact missed; reminder: its number; else 0.
    package var count: Int64 = 0
    /// When the check entered `status`, in seconds since the epoch; 0 when unknown.
    package var since: Int64 = 0
    /// What happened in words ("still offline for 2 h"); "" when none.
    package var detail: String = ""
    /// escalation: the step reached; else 0.
    package var escalationLevel: Int64 = 0
    /// Who acknowledged the outage; "" when nobody.
    package var acknowledgedBy: String = ""
    /// fallback: `contacts.id` of the contact that could not be reached; else 0.
    package var fallbackFromContactID: Int64 = 0
    /// ABI 1.4's `ack_url`: the signed single-use page that acknowledges the outage; "" when none.
    package var ackURL: String = ""

    /// Creates an event; the ABI 1.2 fields keep their defaults (a plain flip) unless given.
    package init(eventID: String, status: String, message: String, checkID: Int64, checkName: String,
                checkType: String, maskedCheckData: String, time: Int64, kind: String = "flip") {
        self.eventID = eventID
        self.status = status
        self.message = message
        self.checkID = checkID
        self.checkName = checkName
        self.checkType = checkType
        self.maskedCheckData = maskedCheckData
        self.time = time
        self.kind = kind
    }
}
