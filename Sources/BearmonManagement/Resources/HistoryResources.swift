package import BearmonCore

/// One stored result of a check.
package struct ResultResource: Sendable, Equatable, Codable {
    /// `check_results.id`.
    package var id: Int64
    /// The worker that ran it.
    package var node: String
    /// When, unix ms.
    package var time: Int64
    /// online, offline or fail.
    package var status: CheckStatus
    /// What the probe said.
    package var message: String
    /// How long it took, ms.
    package var latencyMs: Double

    /// A value from a stored result.
    package init(_ stored: StoredResult) {
        id = stored.id
        node = stored.record.node
        time = stored.record.time
        status = stored.record.status
        message = stored.record.message
        latencyMs = stored.record.latencyMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case id, node, time, status, message
        case latencyMs = "latency_ms"
    }
}

/// One flip of a check, with the notifications it wrote and how each fared.
package struct FlipResource: Sendable, Equatable, Codable {
    /// The flip's id.
    package var id: String
    /// online or offline.
    package var status: CheckStatus
    /// The message of the result that decided it.
    package var message: String
    /// When, unix ms.
    package var time: Int64
    /// The controller view that wrote it.
    package var view: Int64
    /// Its notifications, oldest first.
    package var notifications: [NotificationResource]

    /// A value from its parts.
    package init(_ flip: FlipHistoryRow, notifications: [NotificationResource]) {
        id = flip.flipID
        status = flip.status
        message = flip.message
        time = flip.time
        view = flip.view
        self.notifications = notifications
    }
}

/// One notification of a flip and its delivery state.
package struct NotificationResource: Sendable, Equatable, Codable {
    /// Its event id, fixed when the row was written.
    package var eventID: String
    /// The contact it is for.
    package var contactID: Int64
    /// online or offline.
    package var status: CheckStatus
    /// pending, delivered or failed.
    package var state: String
    /// Attempts so far.
    package var attempts: Int64
    /// The last attempt's error, or "".
    package var lastError: String

    /// A value from an outbox row.
    package init(_ entry: OutboxEntry) {
        eventID = entry.eventID
        contactID = entry.contactID
        status = entry.status
        state = entry.state.rawValue
        attempts = entry.attempts
        lastError = entry.lastError
    }

    enum CodingKeys: String, CodingKey {
        case status, state, attempts
        case eventID = "event_id"
        case contactID = "contact_id"
        case lastError = "last_error"
    }
}
