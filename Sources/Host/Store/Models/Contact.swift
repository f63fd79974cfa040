/// A `contacts` row: a type and its single data string, as in gobearmon.
public struct Contact: Sendable, Equatable {
    /// `contacts.id`.
    public let id: Int64
    /// `contacts.type`, for example "email".
    public let type: String
    /// `contacts.data`: an address, a number, a URL, or a JSON object of the type's parameters.
    public let data: String

    /// Creates a contact.
    public init(id: Int64, type: String, data: String) {
        self.id = id
        self.type = type
        self.data = data
    }
}

/// When an alert notifies its contact.
public enum AlertType: String, Sendable, CaseIterable, Codable {
    /// Only when the check goes online.
    case online
    /// Only when the check goes offline.
    case offline
    /// Both ways.
    case both

    /// Whether a flip to `status` notifies.
    public func matches(_ status: CheckStatus) -> Bool { self == .both || rawValue == status.rawValue }
}

/// An `alerts` row: links a check to a contact.
public struct Alert: Sendable, Equatable {
    /// `alerts.id`.
    public let id: Int64
    /// `alerts.check_id`.
    public let checkID: Int64
    /// `alerts.contact_id`.
    public let contactID: Int64
    /// `alerts.type`; nil for NULL (or an unknown word), which never notifies, as in gobearmon.
    public let type: AlertType?
    /// `alerts.enabled`.
    public let enabled: Bool

    /// Creates an alert.
    public init(id: Int64, checkID: Int64, contactID: Int64, type: AlertType?, enabled: Bool) {
        self.id = id
        self.checkID = checkID
        self.contactID = contactID
        self.type = type
        self.enabled = enabled
    }

    /// The type as listings show it: the word, or what a NULL means.
    public var typeText: String { type?.rawValue ?? "NULL (never notifies)" }
}
