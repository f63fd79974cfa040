import Foundation

/// The notifications a recording receiver got from bearmon's `webhook` contact type.
struct WebhookNotes {
    /// Each notification's JSON fields, oldest first.
    let fields: [[String: Any]]

    init(_ receiver: FixtureHTTPServer) {
        fields = receiver.recorded.compactMap { request in
            guard let body = request["body"] as? String else { return nil }
            return try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        }
    }

    var statuses: [String] { fields.map { $0["status"] as? String ?? "?" } }
    var eventIDs: [String] { fields.map { $0["event_id"] as? String ?? "" } }
}
