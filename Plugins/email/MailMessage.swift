import ContactKit
import Foundation
import PluginKit

/// The RFC 5322 message for one notification: headers, then a text/plain UTF-8 body in
/// quoted-printable, with CRLF line ends throughout. The same notification always gives the
/// same message, so a retry sends an exact repeat with the same Message-ID.
struct MailMessage {
    /// The From header, as configured.
    let from: String
    /// The recipient's bare address.
    let to: String
    let notification: PluginKit.Notification

    /// The message as sent.
    var bytes: [UInt8] { Array((headerLines.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(body)).utf8) }

    var headerLines: [String] {
        [
            "From: \(from)",
            "To: \(to)",
            "Subject: \(MailHeader.encode(notification.subject))",
            "Date: \(MailHeader.date(notification.time))",
            "Message-ID: \(MailHeader.messageID(notification.eventID))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            // RFC 3834: an automatic message, which vacation responders leave unanswered.
            "Auto-Submitted: auto-generated",
        ]
    }

    /// The headline and the acknowledge link, if any, then the check's details, with its data
    /// as the host passed it (every secret already masked). An admin notice (check ID 0) has
    /// no ID or data to show.
    var body: String {
        var lines = [notification.headline]
        if let line = notification.acknowledgeLine { lines.append(line) }
        lines.append("")
        if notification.checkID != 0 { lines.append("Check ID: \(notification.checkID)") }
        lines.append("Name: \(notification.checkName)")
        lines.append("Type: \(notification.checkType)")
        if !["", "{}"].contains(notification.checkData) { lines.append("Data: \(notification.checkData)") }
        lines.append("Event ID: \(notification.eventID)")
        return lines.joined(separator: "\n")
    }
}
