import BearmonServer
import Foundation

/// A badge in shields.io's flat style ("uptime 24h | 99.93%"): a grey label, a coloured
/// message, and a `<title>` naming the check for screen readers and hover. Every text is
/// escaped for XML and stripped of characters XML cannot hold, so a hostile check name
/// cannot break out of the document.
struct Badge: Sendable, Equatable {
    /// The left part.
    let label: String
    /// The right part.
    let message: String
    /// The message's background, `#rrggbb`.
    let color: String
    /// The check the badge is about, shown only in its title.
    let subject: String

    /// Colours by meaning (shields.io's palette).
    enum Color {
        static let good = "#4c1"
        static let fair = "#97ca00"
        static let warning = "#dfb317"
        static let poor = "#fe7d37"
        static let bad = "#e05d44"
        static let neutral = "#9f9f9f"
        static let info = "#007ec6"
    }

    /// The longest part of a check name a title carries.
    static let maxSubjectCharacters = 120

    /// The SVG document.
    var svg: String {
        let labelWidth = Self.width(of: label) + 10, messageWidth = Self.width(of: message) + 10
        let total = labelWidth + messageWidth
        let name = String(MarkupText.printable(subject).prefix(Self.maxSubjectCharacters))
        let title = MarkupText.escaped("\(name.isEmpty ? "" : name + ": ")\(label): \(message)")
        let (label, message) = (MarkupText.escaped(label), MarkupText.escaped(message))
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(total)" height="20" role="img" aria-label="\(title)">\
        <title>\(title)</title>\
        <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>\
        <clipPath id="r"><rect width="\(total)" height="20" rx="3" fill="#fff"/></clipPath>\
        <g clip-path="url(#r)"><rect width="\(labelWidth)" height="20" fill="#555"/>\
        <rect x="\(labelWidth)" width="\(messageWidth)" height="20" fill="\(color)"/><rect width="\(total)" height="20" fill="url(#s)"/></g>\
        <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
        <text x="\(labelWidth / 2)" y="15" fill="#010101" fill-opacity=".3">\(label)</text><text x="\(labelWidth / 2)" y="14">\(label)</text>\
        <text x="\(labelWidth + messageWidth / 2)" y="15" fill="#010101" fill-opacity=".3">\(message)</text>\
        <text x="\(labelWidth + messageWidth / 2)" y="14">\(message)</text></g></svg>

        """
    }

    /// About how wide `text` is in 11 px Verdana, rounded up: narrow and wide glyphs apart, the rest average.
    static func width(of text: String) -> Int {
        let tenths = text.unicodeScalars.reduce(0) { sum, scalar in
            switch scalar {
            case "i", "l", "j", ".", ",", ":", ";", "|", "!", "'", "I", " ", "(", ")": sum + 40
            case "m", "w", "M", "W", "%", "@": sum + 110
            default: sum + 70
            }
        }
        return (tenths + 9) / 10
    }
}
