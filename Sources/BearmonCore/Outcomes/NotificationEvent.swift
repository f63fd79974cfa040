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

    /// Creates an event.
    package init(eventID: String, status: String, message: String, checkID: Int64, checkName: String,
                checkType: String, maskedCheckData: String, time: Int64) {
        self.eventID = eventID
        self.status = status
        self.message = message
        self.checkID = checkID
        self.checkName = checkName
        self.checkType = checkType
        self.maskedCheckData = maskedCheckData
        self.time = time
    }
}
