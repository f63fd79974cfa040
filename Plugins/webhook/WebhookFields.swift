import CurlKit
import Foundation
import PluginKit

/// What every HTTP notification carries, as gobearmon's http contact sent it: check_id,
/// name, type, data (secrets masked by the host), status, message, and the event_id by which
/// a receiver drops a repeat. The JSON body and templates also have `kind` (ABI 1.2: "flip",
/// "test", "catch_up"...); the `http` form keeps gobearmon's fields exactly.
struct WebhookFields {
    /// Field names and values, in gobearmon's order.
    let pairs: [(name: String, value: String)]
    private let checkID: Int64
    /// Why the notification was sent; "flip" from a host older than ABI 1.2.
    private let kind: String

    init(_ notification: PluginKit.Notification) {
        checkID = notification.checkID
        kind = notification.kind
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
    static let names: Set = ["check_id", "name", "type", "data", "status", "message", "event_id", "kind"]

    /// The value of `name`, or nil for a name that is not a field.
    func value(_ name: String) -> String? { name == "kind" ? kind : pairs.first { $0.name == name }?.value }

    /// As form fields.
    var form: [FormField] { pairs.map { FormField($0.name, $0.value) } }

    /// As one JSON object, check_id a number and the rest strings (kind included), keys sorted.
    var json: String {
        var object: [String: Any] = [:]
        for (name, value) in pairs { object[name] = value }
        object["check_id"] = checkID
        object["kind"] = kind
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
