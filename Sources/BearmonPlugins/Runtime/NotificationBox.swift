import BearmonCore
import PluginABI

/// A ``NotificationEvent`` laid out as a `bearmon_notification`, alive as long as the call.
///
/// Every field is filled for every plugin, whatever minor it declares, and struct_size is the
/// whole struct: as with bearmon_host, a plugin built against an older header reads only its
/// prefix, and one that declares an older minor (to load on older hosts) can still find the
/// 1.2 and 1.4 fields with BEARMON_HAS_FIELD. `status` stays online or offline whatever the kind.
final class NotificationBox: @unchecked Sendable {
    // @unchecked: a raw C struct, filled in once here and only read by plugins after that.
    private let strings: [CString]
    let pointer: UnsafeMutablePointer<bearmon_notification>

    init(_ event: NotificationEvent) {
        let fields = [
            event.eventID, event.status, event.message, event.checkName, event.checkType, event.maskedCheckData,
            event.kind.isEmpty ? "flip" : event.kind, event.detail, event.acknowledgedBy, event.ackURL,
        ].map(CString.init)
        strings = fields
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: bearmon_notification(
            struct_size: UInt32(MemoryLayout<bearmon_notification>.size),
            event_id: fields[0].constPointer, status: fields[1].constPointer, message: fields[2].constPointer,
            check_id: event.checkID, check_name: fields[3].constPointer, check_type: fields[4].constPointer,
            check_data: fields[5].constPointer, time_unix: event.time,
            kind: fields[6].constPointer, count: event.count, since_unix: event.since, detail: fields[7].constPointer,
            escalation_level: event.escalationLevel, acknowledged_by: fields[8].constPointer,
            fallback_from_contact_id: event.fallbackFromContactID, ack_url: fields[9].constPointer
        ))
    }

    deinit { pointer.deallocate() }
}
