/// A `contacts` row: a type and its single data string, as in gobearmon.
package struct Contact: Sendable, Equatable {
    /// `contacts.id`.
    package let id: Int64
    /// `contacts.type`, for example "email".
    package let type: String
    /// `contacts.data`: an address, a number, a URL, or a JSON object of the type's parameters.
    package let data: String

    /// Creates a contact.
    package init(id: Int64, type: String, data: String) {
        self.id = id
        self.type = type
        self.data = data
    }
}

/// When an alert notifies its contact.
package enum AlertType: String, Sendable, CaseIterable, Codable {
    /// Only when the check goes online.
    case online
    /// Only when the check goes offline.
    case offline
    /// Both ways.
    case both

    /// Whether a flip to `status` notifies.
    package func matches(_ status: CheckStatus) -> Bool { self == .both || rawValue == status.rawValue }
}

/// An `alerts` row: links a check to a contact.
package struct Alert: Sendable, Equatable {
    /// `alerts.id`.
    package let id: Int64
    /// `alerts.check_id`.
    package let checkID: Int64
    /// `alerts.contact_id`.
    package let contactID: Int64
    /// `alerts.type`; nil for NULL (or an unknown word), which never notifies, as in gobearmon.
    package let type: AlertType?
    /// `alerts.enabled`.
    package let enabled: Bool

    /// Creates an alert.
    package init(id: Int64, checkID: Int64, contactID: Int64, type: AlertType?, enabled: Bool) {
        self.id = id
        self.checkID = checkID
        self.contactID = contactID
        self.type = type
        self.enabled = enabled
    }

    /// The type as listings show it: the word, or what a NULL means.
    package var typeText: String { type?.rawValue ?? "NULL (never notifies)" }
}
