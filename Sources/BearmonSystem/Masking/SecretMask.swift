/// The one place that decides how secrets look when data, URLs or messages are shown or sent:
/// the host (`checks list`, `/v1/checks`, notifications) and the bundled plugins (their
/// result messages) all mask through here, so the rules cannot drift apart.
///
/// A URL keeps its scheme, host, port and path; its userinfo becomes ``mask``, and so does
/// the value of every query or fragment parameter whose name looks like a credential (see
/// ``isCredentialName(_:)``). The text is read as bytes, so no scheme, IPv6 literals,
/// percent-encoding, non-UTF-8 bytes, `@` in the path and repeated parameters are all handled
/// the same way a URL parser would split them.
public enum SecretMask {
    /// What stands in for a secret wherever it would be shown. Sent back in an edit, it means
    /// "keep the stored value" (see ``restoreURL(_:from:)``).
    public static let mask = "********"

    /// `url` with its userinfo and credential-like query and fragment values masked.
    public static func url(_ url: String) -> String {
        let parts = URLParts(url)
        var out = parts.prefix
        if parts.userinfo != nil { out += Array(mask.utf8) + [UInt8(ascii: "@")] }
        out += parts.host + nestedURLsMasked(parts.path)
        if let query = parts.query { out += [UInt8(ascii: "?")] + maskedParameters(query) }
        if let fragment = parts.fragment { out += [UInt8(ascii: "#")] + maskedParameters(fragment) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `url` reduced to where it goes, for a contact whose path may be the secret itself (a
    /// Slack hook): `https://hooks.example.com/********`, with ``mask`` for userinfo too.
    /// A URL with nothing after its host is shown as it is (userinfo masked).
    public static func urlWithoutPath(_ url: String) -> String {
        let parts = URLParts(url)
        var out = parts.prefix
        if parts.userinfo != nil { out += Array(mask.utf8) + [UInt8(ascii: "@")] }
        out += parts.host
        if !parts.path.isEmpty || parts.query != nil || parts.fragment != nil { out += Array("/\(mask)".utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `name=value` pairs separated by `&` or `;` with the values of credential-like names
    /// masked; pieces without `=` and empty values are kept as they are.
    static func maskedParameters(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        for (index, piece) in parameterPieces(text).enumerated() {
            if index > 0 { out.append(text[piece.startIndex - 1]) }
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")), equals + 1 < piece.endIndex,
               isCredentialName(percentDecoded(piece[..<equals])) {
                out += piece[...equals] + Array(mask.utf8)
            } else {
                out += nestedURLsMasked(piece)
            }
        }
        return out
    }

    /// The pieces of a query between `&` and `;` separators (servers split on either).
    static func parameterPieces(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        text.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: ";") }
    }

    /// A query name as a server reads it: `%XX` decoded, `+` as a space; a broken escape is kept.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
