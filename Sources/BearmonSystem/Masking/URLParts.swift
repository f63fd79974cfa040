/// A URL split the way URL parsers (curl's, Go's) split it, as bytes, without judging whether
/// it is valid: masking must work on anything stored, including what a parser would refuse.
struct URLParts {
    /// `scheme://`, `//`, or empty when the text has no scheme (then it starts with the authority).
    let prefix: [UInt8]
    /// Everything before the last `@` of the authority, if there is one.
    let userinfo: ArraySlice<UInt8>?
    /// Host and port: the rest of the authority (an IPv6 literal keeps its brackets).
    let host: ArraySlice<UInt8>
    /// From the first `/` after the authority up to `?` or `#`.
    let path: ArraySlice<UInt8>
    /// After `?`, up to `#`; nil when there is no `?`.
    let query: ArraySlice<UInt8>?
    /// After `#`; nil when there is no `#`.
    let fragment: ArraySlice<UInt8>?

    init(_ text: String) {
        let bytes = Array(text.utf8)
        let authorityStart = Self.authorityStart(bytes)
        prefix = Array(bytes[..<authorityStart])
        // The authority ends where the path, query or fragment starts. A backslash does not end
        // it: a parser that reads it as part of the userinfo must not see a secret left unmasked.
        let authorityEnd = bytes[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        let authority = bytes[authorityStart..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            userinfo = authority[..<at]
            host = authority[(at + 1)...]
        } else {
            userinfo = nil
            host = authority
        }
        let rest = bytes[authorityEnd...]
        let fragmentStart = rest.firstIndex(of: UInt8(ascii: "#"))
        let beforeFragment = rest[..<(fragmentStart ?? rest.endIndex)]
        let queryStart = beforeFragment.firstIndex(of: UInt8(ascii: "?"))
        path = beforeFragment[..<(queryStart ?? beforeFragment.endIndex)]
        query = queryStart.map { beforeFragment[($0 + 1)...] }
        fragment = fragmentStart.map { rest[($0 + 1)...] }
    }

    /// Where the authority starts: after `scheme:` and the slashes (or backslashes, which
    /// lenient parsers take for slashes) that follow it, after a leading `//`, else at the
    /// start. A `name:` not followed by a slash is a host and port or userinfo, not a scheme.
    private static func authorityStart(_ bytes: [UInt8]) -> Int {
        func slashes(from index: Int) -> Int {
            bytes[index...].prefix { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }.count
        }
        if bytes.starts(with: Array("//".utf8)) { return slashes(from: 0) }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              bytes[..<colon].enumerated().allSatisfy({ $0.offset == 0 ? isLetter($0.element) : isSchemeByte($0.element) })
        else { return 0 }
        let count = slashes(from: colon + 1)
        return count == 0 ? 0 : colon + 1 + count
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// A byte RFC 3986 allows in a scheme after its first letter.
    static func isSchemeByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
