import Foundation

/// The address forms bearmon puts into SMTP commands and headers: a bare `local@domain`, or
/// for `[smtp] from` also `Display Name <local@domain>`.
enum MailAddress {
    /// Why `address` is not a bare address bearmon can send to, or nil. Besides the "@",
    /// this refuses what could break out of a header or an SMTP command: line breaks,
    /// angle brackets, spaces, commas.
    static func problem(_ address: String) -> String? {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return "'\(address)' is not an e-mail address (local@domain)" }
        if address.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || "<>,;\"()[]\\".unicodeScalars.contains($0) }) {
            return "\(address.debugDescription) has a character that cannot be in an address"
        }
        return nil
    }

    /// The bare address of `mailbox`: what is inside its angle brackets, or all of it.
    static func bare(_ mailbox: String) -> String {
        guard let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close else {
            return mailbox.trimmingCharacters(in: .whitespaces)
        }
        return String(mailbox[mailbox.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
    }
}
