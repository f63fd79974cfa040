extension CurlResponse {
    /// The longest excerpt of a body put into an error text.
    package static let excerptLimit = 200

    /// The start of the body as one line, for error texts: runs of whitespace become one
    /// space, and a cut is marked with "...". Empty when the body is.
    package var excerpt: String {
        // A character is at most 4 bytes, so this many bytes hold the excerpt and more.
        let read = Self.excerptLimit * 4
        let text = String(decoding: body.prefix(read), as: UTF8.self)
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard words.count > Self.excerptLimit || body.count > read || truncated else { return words }
        return String(words.prefix(Self.excerptLimit)) + "..."
    }
}
