/// SMTP's envelope: who the message is from (MAIL FROM) and to whom it goes (RCPT TO). The
/// message's own From and To headers are the sender's business; the server goes by these.
package struct MailEnvelope: Sendable, Equatable {
    /// The bare sender address, without angle brackets: "noreply@example.org".
    package var from: String
    /// The bare recipient addresses.
    package var recipients: [String]

    /// An envelope from `from` to `recipients`.
    package init(from: String, recipients: [String]) {
        self.from = from
        self.recipients = recipients
    }
}
