import PluginABI

/// A notification to deliver, as the host knows it.
public struct NotificationEvent: Sendable, Equatable {
    /// Unique per (flip, contact).
    public var eventID: String
    /// "online" or "offline".
    public var status: String
    /// The check's last message.
    public var message: String
    /// `checks.id`, or 0.
    public var checkID: Int64
    /// `checks.name`.
    public var checkName: String
    /// `checks.type`.
    public var checkType: String
    /// `checks.data` with secrets masked.
    public var maskedCheckData: String
    /// When the flip was decided, in seconds since the epoch.
    public var time: Int64

    /// Creates an event.
    public init(eventID: String, status: String, message: String, checkID: Int64, checkName: String,
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

/// A ``NotificationEvent`` laid out as a `bearmon_notification`, alive as long as the call.
final class NotificationBox: @unchecked Sendable {
    private let strings: [CString]
    let pointer: UnsafeMutablePointer<bearmon_notification>

    init(_ event: NotificationEvent) {
        let fields = [event.eventID, event.status, event.message, event.checkName, event.checkType, event.maskedCheckData].map(CString.init)
        strings = fields
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: bearmon_notification(
            struct_size: UInt32(MemoryLayout<bearmon_notification>.size),
            event_id: fields[0].constPointer, status: fields[1].constPointer, message: fields[2].constPointer,
            check_id: event.checkID, check_name: fields[3].constPointer, check_type: fields[4].constPointer,
            check_data: fields[5].constPointer, time_unix: event.time
        ))
    }

    deinit { pointer.deallocate() }
}
