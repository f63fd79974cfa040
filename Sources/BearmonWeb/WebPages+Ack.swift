package import BearmonCore

extension WebPages {
    /// The acknowledge link's page for `target`: the form when it can acknowledge, else why not.
    func ackPage(_ target: AckLinkTarget, signature: String) -> String {
        let title = "Acknowledge \(target.checkName)"
        if let used = target.usedBy {
            return message("\(used.by) acknowledged this outage at \(format.time(used.createdAt)). Nothing more to do.", title: title, guarded: false)
        }
        guard target.isCurrent else { return message(Self.sentence(target.staleReason), title: title, guarded: false) }
        let since = target.since > 0 ? " since \(format.time(target.since))" : ""
        let text = "Check \(target.checkName) has been offline\(since). You were notified as \(target.contactName)."
        return render(WebView.AckForm(frame: frame(title: title, guarded: false, refresh: false), text: text, eventID: target.eventID, signature: signature), "ack")
    }

    /// The page after an acknowledgement through a link.
    func acknowledged(_ ack: AckRow, checkName: String) -> String {
        message("Acknowledged by \(ack.by). Escalations and reminders for this outage stop; the acknowledgement clears when the check recovers.",
                title: "Acknowledged \(checkName)", guarded: false)
    }

    /// `text` as a sentence: a capital first letter and a full stop.
    static func sentence(_ text: String) -> String {
        let capital = text.prefix(1).uppercased() + text.dropFirst()
        return capital.hasSuffix(".") ? capital : capital + "."
    }
}
