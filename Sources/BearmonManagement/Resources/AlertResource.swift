package import BearmonCore

/// An alert as the API shows it: a link from a check to a contact.
package struct AlertResource: Sendable, Equatable, Codable {
    /// `alerts.id`.
    package var id: Int64
    /// The check.
    package var checkID: Int64
    /// The contact.
    package var contactID: Int64
    /// both, online or offline; nil for a stored NULL or unknown word (never notifies).
    package var type: AlertType?
    /// Whether it notifies.
    package var enabled: Bool

    /// A value from its parts.
    package init(id: Int64, checkID: Int64, contactID: Int64, type: AlertType?, enabled: Bool) {
        self.id = id
        self.checkID = checkID
        self.contactID = contactID
        self.type = type
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey {
        case id, type, enabled
        case checkID = "check_id"
        case contactID = "contact_id"
    }
}
