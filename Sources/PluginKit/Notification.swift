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

    init(_ raw: bearmon_notification) {
        eventID = String(cString: raw.event_id)
        status = String(cString: raw.status)
        message = raw.message.map { String(cString: $0) } ?? ""
        checkID = raw.check_id
        checkName = raw.check_name.map { String(cString: $0) } ?? ""
        checkType = raw.check_type.map { String(cString: $0) } ?? ""
        checkData = raw.check_data.map { String(cString: $0) } ?? ""
        time = raw.time_unix
    }
}
