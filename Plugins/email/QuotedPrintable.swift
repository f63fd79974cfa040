import Foundation

/// RFC 2045's quoted-printable, for mail bodies: plain ASCII stays readable, anything else
/// becomes =XX, and no line passes 76 characters, however long the check's data is, which
/// an 8bit body could not promise (SMTP allows 998).
enum QuotedPrintable {
    /// The longest encoded line, soft line break included.
    static let lineLimit = 76

    /// `text` with its line ends (LF, CR or CRLF) as CRLF and each line encoded.
    static func encode(_ text: String) -> String {
        // NSString's search works on UTF-16 units, where "\r\n" is two, not one Character.
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false).map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            // Spaces and tabs are literal except at a line's end, where transports may strip them.
            let literal = (0x21...0x7E).contains(byte) && byte != 0x3D || ((byte == 0x20 || byte == 0x09) && !isLast)
            let token = literal ? String(UnicodeScalar(byte)) : hex(byte)
            // Room for the "=" of a soft break, unless this is the line's last token.
            let limit = isLast ? lineLimit : lineLimit - 1
            if current.utf8.count + token.utf8.count > limit {
                lines.append(current + "=")
                current = ""
            }
            current += token
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }
}
