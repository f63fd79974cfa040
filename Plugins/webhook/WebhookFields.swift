import CurlKit
import Foundation
import PluginKit

/// What every HTTP notification carries, as gobearmon's http contact sent it: check_id,
/// name, type, data (secrets masked by the host), status, message, and the event_id by which
/// a receiver drops a repeat. The JSON body and templates also have `kind` (ABI 1.2: "flip",
/// "test", "catch_up"...) and `ack_url` (ABI 1.4); the `http` form keeps gobearmon's fields exactly.
struct WebhookFields {
    /// Field names and values, in gobearmon's order.
    let pairs: [(name: String, value: String)]
    private let checkID: Int64
    /// Why the notification was sent; "flip" from a host older than ABI 1.2.
    private let kind: String
    /// ABI 1.2's `count`, `since_unix` and `detail`: a catch-up's missed notifications, when
    /// the check entered its state, and what happened in words.
    private let count: Int64
    private let since: Int64
    private let detail: String
    /// ABI 1.2's issue-23 fields: the escalation level, who acknowledged, the contact stood in for.
    private let escalationLevel: Int64
    private let acknowledgedBy: String
    private let fallbackFrom: Int64
    /// ABI 1.4's acknowledge link; "" when none, and from an older host.
    private let ackURL: String

    init(_ notification: PluginKit.Notification) {
        checkID = notification.checkID
        kind = notification.kind
        count = notification.count
        since = notification.since
        detail = notification.detail
        escalationLevel = notification.escalationLevel
        acknowledgedBy = notification.acknowledgedBy
        fallbackFrom = notification.fallbackFromContactID
        ackURL = notification.ackURL
        pairs = [
            ("check_id", String(notification.checkID)),
            ("name", notification.checkName),
            ("type", notification.checkType),
            ("data", notification.checkData),
            ("status", notification.status),
            ("message", notification.message),
            ("event_id", notification.eventID),
        ]
    }

    /// The names a template may use.
    static let names: Set = ["check_id", "name", "type", "data", "status", "message", "event_id", "kind", "count", "since", "detail",
                              "escalation_level", "acknowledged_by", "fallback_from_contact_id", "ack_url"]

    /// The value of `name`, or nil for a name that is not a field.
    func value(_ name: String) -> String? {
        switch name {
        case "kind": kind
        case "count": String(count)
        case "since": String(since)
        case "detail": detail
        case "escalation_level": String(escalationLevel)
        case "acknowledged_by": acknowledgedBy
        case "fallback_from_contact_id": String(fallbackFrom)
        case "ack_url": ackURL
        default: pairs.first { $0.name == name }?.value
        }
    }

    /// As form fields.
    var form: [FormField] { pairs.map { FormField($0.name, $0.value) } }

    /// As one JSON object, keys sorted: check_id, count and since numbers, the rest strings.
    var json: String {
        var object: [String: Any] = [:]
        for (name, value) in pairs { object[name] = value }
        object["check_id"] = checkID
        object["kind"] = kind
        object["count"] = count
        object["since"] = since
        object["detail"] = detail
        object["escalation_level"] = escalationLevel
        object["acknowledged_by"] = acknowledgedBy
        object["fallback_from_contact_id"] = fallbackFrom
        object["ack_url"] = ackURL
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
