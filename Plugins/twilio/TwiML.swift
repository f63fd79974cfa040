/// The TwiML a call follows.
enum TwiML {
    /// A document that reads `text` out once: `<Response><Say>text</Say></Response>`.
    static func say(_ text: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>\(escape(text))</Say></Response>"
    }

    /// `text` safe inside an XML element: markup characters become entities, and control
    /// characters XML 1.0 forbids become spaces.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
