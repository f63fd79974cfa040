/// Why an outbox row was written. A notification's status stays `online` or `offline`; its
/// kind says why it was sent (ABI 1.2's `bearmon_notification.kind`).
package enum NotificationKind: String, Sendable, Codable, CaseIterable {
    /// The check flipped.
    case flip
    /// A hold (maintenance, silence, budget) ended and the contact's last-heard state differed
    /// from the check's: the current state, once, with the number of flips it missed.
    case catchUp = "catch_up"
    /// Sent by hand (`bearmon contacts test`, `POST /api/v1/contacts/{id}/test`).
    case test
    /// A "still offline" reminder (issue 23).
    case reminder
    /// An escalation to a later contact (issue 23).
    case escalation
    /// Delivery to another contact failed; this one stands in (issue 23).
    case fallback
    /// Flapping began or ended (issue 22).
    case flapping
    /// The check, contact or alert was deleted or disabled while the contact last heard `offline`.
    case removed

    /// The prefix of a `fallback` row's detail; the id of the contact that could not be reached follows.
    package static let fallbackPrefix = "fallback from contact "

    /// Whether it counts against a contact's `maxPerHour` budget: all but tests.
    package var countsAgainstBudget: Bool { self != .test }
}
