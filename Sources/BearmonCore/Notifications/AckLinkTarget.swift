/// What an acknowledge link (issue 23) points at: the notification it came in, the check and
/// outage that notification was about, and whether it was used.
package struct AckLinkTarget: Sendable, Equatable {
    /// The notification's event id, which the link names.
    package let eventID: String
    /// `checks.id`.
    package let checkID: Int64
    /// The check's name as the notification had it.
    package let checkName: String
    /// The flip of the outage the notification was about.
    package let flipID: String
    /// The contact that got the notification.
    package let contactID: Int64
    /// Its name, or "contact N".
    package let contactName: String
    /// Whether the notification was about an outage (an online one acknowledges nothing).
    package let aboutOutage: Bool
    /// When the check entered the notified state, unix ms (0 when unknown).
    package let since: Int64
    /// The flip of the check's outage now, nil when it is not offline.
    package let currentOutage: String?
    /// The acknowledgement made through this link, if it was used.
    package let usedBy: AckRow?

    /// A value from its parts.
    package init(eventID: String, checkID: Int64, checkName: String, flipID: String, contactID: Int64, contactName: String,
                 aboutOutage: Bool, since: Int64, currentOutage: String?, usedBy: AckRow?) {
        self.eventID = eventID
        self.checkID = checkID
        self.checkName = checkName
        self.flipID = flipID
        self.contactID = contactID
        self.contactName = contactName
        self.aboutOutage = aboutOutage
        self.since = since
        self.currentOutage = currentOutage
        self.usedBy = usedBy
    }

    /// Whether the link can acknowledge now: it was about the outage going on.
    package var isCurrent: Bool { aboutOutage && currentOutage == flipID }

    /// Why it cannot, in words, when it is not current.
    package var staleReason: String {
        if !aboutOutage { return "this notification said check \(checkID) was back; there is nothing to acknowledge" }
        if currentOutage == nil { return "check \(checkID) is no longer offline: the outage this link was for is over" }
        return "check \(checkID) went offline again since; this link was for an earlier outage (use the newest notification's link)"
    }
}
