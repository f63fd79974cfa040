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
    /// How long after an offline flip the contact is told, such as "5m" (issue 23); nil: at once.
    package var after: String?
    /// How often a "still offline" reminder goes, such as "2h"; nil: never.
    package var `repeat`: String?
    /// The contact that stands in when delivery fails; nil: none.
    package var fallbackContactID: Int64?

    /// A value from its parts.
    package init(id: Int64, checkID: Int64, contactID: Int64, type: AlertType?, enabled: Bool, after: String? = nil, repeat: String? = nil, fallbackContactID: Int64? = nil) {
        self.after = after
        self.repeat = `repeat`
        self.fallbackContactID = fallbackContactID
        self.id = id
        self.checkID = checkID
        self.contactID = contactID
        self.type = type
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey {
        case id, type, enabled, after, `repeat`
        case fallbackContactID = "fallback_contact_id"
        case checkID = "check_id"
        case contactID = "contact_id"
    }
}
