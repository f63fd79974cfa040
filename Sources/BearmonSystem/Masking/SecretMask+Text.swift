extension SecretMask {
    /// `text` with every URL in it (anything of the form `scheme://...`, up to white space or
    /// a quote) masked as by ``url(_:)``. For messages, which quote URLs among other words.
    /// Closing punctuation after a URL (`)`, `.`, `,`...) stays outside it.
    public static func urls(in text: String) -> String {
        let bytes = Array(text.utf8)
        let separator = Array("://".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        var search = 0
        while search + separator.count <= bytes.count {
            guard bytes[search..<(search + separator.count)].elementsEqual(separator) else {
                search += 1
                continue
            }
            var start = search
            while start > copied, URLParts.isSchemeByte(bytes[start - 1]) { start -= 1 }
            while start < search, !URLParts.isLetter(bytes[start]) { start += 1 }
            var end = search + separator.count
            while end < bytes.count, !endsURL(bytes[end]) { end += 1 }
            while end > search + separator.count, closingPunctuation.contains(bytes[end - 1]) { end -= 1 }
            // "://" with no scheme before it: mask what follows as a URL that starts with "//".
            if start == search { start += 1 }
            out += bytes[copied..<start]
            out += Array(url(String(decoding: bytes[start..<end], as: UTF8.self)).utf8)
            copied = end
            search = max(end, search + separator.count)
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// `bytes` with any URL nested in them masked (a redirect target in a query value, a
    /// proxy-style path); bytes without "://" are returned untouched, even if not UTF-8.
    static func nestedURLsMasked(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard containsSchemeSeparator(bytes) else { return Array(bytes) }
        return Array(urls(in: String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// Whether `bytes` hold "://". A plain loop: the generic `firstRange(of:)` searcher cost
    /// the http check 2% of its CPU, on every run, for paths that almost never hold one.
    static func containsSchemeSeparator(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index + 2 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { return true }
            index += 1
        }
        return false
    }

    /// Bytes left out of the end of a URL quoted in a sentence.
    private static let closingPunctuation: Set<UInt8> = Set(").,;:!?]}".utf8)

    /// Whether `byte` cannot be part of a URL quoted in text: white space, control bytes, quotes.
    private static func endsURL(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "`")
    }
}
