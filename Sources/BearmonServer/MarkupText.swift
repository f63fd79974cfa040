/// Text made safe inside HTML and XML (SVG), in element content and quoted attribute values
/// alike: the five markup characters escaped, and what XML 1.0 cannot carry at all (control
/// characters, U+FFFE and U+FFFF) replaced, so hostile names keep a document well formed.
package enum MarkupText {
    /// `text` printable and escaped. Scalar by scalar: a combining mark after `&` or `<` makes
    /// one Character that a Character match would miss.
    package static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in printable(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with control characters as spaces and the noncharacters U+FFFE, U+FFFF as U+FFFD.
    package static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F: " "
            case 0xFFFE, 0xFFFF: "\u{FFFD}"
            default: scalar
            }
        }))
    }
}
