import BearmonCore
import PluginABI

/// A ``NotificationEvent`` laid out as a `bearmon_notification`, alive as long as the call.
final class NotificationBox: @unchecked Sendable {
    // @unchecked: a raw C struct, filled in once here and only read by plugins after that.
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
