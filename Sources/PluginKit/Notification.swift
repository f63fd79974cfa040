import PluginABI

/// The event a contact delivers, copied out of the host's `bearmon_notification`.
public struct Notification: Sendable {
    /// Unique per (flip, contact); receivers drop repeats by it.
    public let eventID: String
    /// "online" or "offline".
    public let status: String
    /// The check's last message.
    public let message: String
    /// `checks.id`, or 0 for a hand-fired notification.
    public let checkID: Int64
    /// `checks.name`.
    public let checkName: String
    /// `checks.type`.
    public let checkType: String
    /// `checks.data` as JSON with every secret masked.
    public let checkData: String
    /// When the flip was decided, in seconds since the epoch.
    public let time: Int64
    /// Why it was sent (ABI 1.2): "flip", "catch_up", "test", "reminder", "escalation",
    /// "fallback", "flapping", "removed", or a later kind, which a contact treats as "flip".
    /// "flip" when the host is older than 1.2.
    public let kind: String
    /// catch_up: the flips the contact missed; reminder: its number; else 0 (ABI 1.2).
    public let count: Int64
    /// When the check entered `status`, in seconds since the epoch; 0 when unknown (ABI 1.2).
    public let since: Int64
    /// What happened in words, such as "still offline for 2 h"; "" when none (ABI 1.2).
    public let detail: String
    /// escalation: the step reached; else 0 (ABI 1.2).
    public let escalationLevel: Int64
    /// Who acknowledged the outage; "" when nobody (ABI 1.2).
    public let acknowledgedBy: String
    /// fallback: `contacts.id` of the contact that could not be reached; else 0 (ABI 1.2).
    public let fallbackFromContactID: Int64
    /// A signed single-use page that acknowledges the outage, to show as a link; "" when none,
    /// and from a host older than 1.4 (ABI 1.4).
    public let ackURL: String

    init(_ raw: UnsafePointer<bearmon_notification>) {
        // Never a copy of raw.pointee: that would read sizeof(bearmon_notification) bytes, more
        // than an older host wrote. Each field is read in place, the later ones within struct_size.
        eventID = String(cString: raw.pointee.event_id)
        status = String(cString: raw.pointee.status)
        message = raw.pointee.message.map { String(cString: $0) } ?? ""
        checkID = raw.pointee.check_id
        checkName = raw.pointee.check_name.map { String(cString: $0) } ?? ""
        checkType = raw.pointee.check_type.map { String(cString: $0) } ?? ""
        checkData = raw.pointee.check_data.map { String(cString: $0) } ?? ""
        time = raw.pointee.time_unix
        // Only fields inside the host's struct_size are read: a field past it is not the host's.
        func has<Value>(_ field: KeyPath<bearmon_notification, Value>) -> Bool {
            guard let offset = MemoryLayout<bearmon_notification>.offset(of: field) else { return false }
            return Int(raw.pointee.struct_size) >= offset + MemoryLayout<Value>.size
        }
        func text(_ field: KeyPath<bearmon_notification, UnsafePointer<CChar>?>, _ fallback: String) -> String {
            guard has(field), let pointer = raw.pointer(to: field)?.pointee else { return fallback }
            return String(cString: pointer)
        }
        func number(_ field: KeyPath<bearmon_notification, Int64>) -> Int64 {
            guard has(field), let pointer = raw.pointer(to: field) else { return 0 }
            return pointer.pointee
        }
        kind = text(\.kind, "flip")
        count = number(\.count)
        since = number(\.since_unix)
        detail = text(\.detail, "")
        escalationLevel = number(\.escalation_level)
        acknowledgedBy = text(\.acknowledged_by, "")
        fallbackFromContactID = number(\.fallback_from_contact_id)
        ackURL = text(\.ack_url, "")
    }
}
