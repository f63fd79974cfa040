import Foundation

/// Header values that need more than copying: an encoded Subject, the Date, the Message-ID.
enum MailHeader {
    /// The longest encoded word RFC 2047 allows.
    static let encodedWordLimit = 75

    /// `text` as a header value: as it is when it is plain printable ASCII, else as RFC 2047
    /// encoded words (=?UTF-8?B?...?=), folded onto continuation lines. Line breaks in the
    /// text never survive into the header.
    static func encode(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        let plain = flat.utf8.allSatisfy { (0x20...0x7E).contains($0) } && !flat.contains("=?")
        if plain, flat.utf8.count <= 900 { return flat }
        return encodedWords(flat).joined(separator: "\r\n ")
    }

    /// Encoded words of whole characters: each holds at most 45 bytes, whose 60 base64
    /// characters plus the 12 of "=?UTF-8?B?" and "?=" stay within the limit.
    private static func encodedWords(_ text: String) -> [String] {
        let maxBytes = (encodedWordLimit - 12) / 4 * 3
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }

    /// RFC 5322's date form in UTC, "Mon, 02 Jan 2006 15:04:05 +0000", for `seconds` since
    /// the epoch (now, when the event has no time).
    static func date(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let date = seconds > 0 ? Date(timeIntervalSince1970: TimeInterval(seconds)) : Date()
        return formatter.string(from: date)
    }

    /// "<event-id@bearmon>", keeping only characters a Message-ID's left part may hold, so
    /// that repeats of one event carry the same ID and receivers can drop them.
    static func messageID(_ eventID: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+=")
        var left = String(eventID.map { allowed.contains($0) ? $0 : "-" })
        // A dot may not start or end the part, nor follow another.
        while left.contains("..") { left = left.replacingOccurrences(of: "..", with: ".") }
        left = left.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return "<\(left.isEmpty ? "event" : left)@bearmon>"
    }
}
