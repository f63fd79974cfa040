import BearmonCore

/// The rules a list parameter's entries must meet before a plugin sees them (ABI 1.3): each
/// is a non-empty string that can cross the boundary as a C string, and the whole list is
/// bounded, so that a plugin can pass it on (as a command's argv) without checking again.
enum ListParam {
    /// The most entries one list may hold.
    static let maximumEntries = 256
    /// The most bytes one entry may hold.
    static let maximumEntryBytes = 4_096
    /// The most bytes all entries together may hold.
    static let maximumTotalBytes = 64 * 1024

    /// The first thing wrong with `entries`, or nil when the list may be used.
    static func problem(with entries: [JSONValue], param: String) -> ParamProblem? {
        func refuse(_ reason: String) -> ParamProblem { ParamProblem(param: param, reason: reason) }
        guard entries.count <= maximumEntries else {
            return refuse("has \(entries.count) entries, more than the \(maximumEntries) a list may hold")
        }
        var total = 0
        for (index, entry) in entries.enumerated() {
            guard case .string(let text) = entry else {
                return refuse("entry \(index) must be a string, got \(entry.typeDescription); write every entry in quotes")
            }
            let bytes = text.utf8.count
            total += bytes
            if bytes == 0 { return refuse("entry \(index) is an empty string; remove it, or write the value it stands for") }
            if text.utf8.contains(0) { return refuse("entry \(index) contains a NUL character, which cannot be passed on") }
            // JSON decoding turns invalid UTF-8 and unpaired surrogates (\ud800) into U+FFFD:
            // refuse it rather than hand a plugin a string that is not what was written.
            if text.unicodeScalars.contains("\u{FFFD}") {
                return refuse("entry \(index) is not valid UTF-8 (or holds an unpaired \\u surrogate or U+FFFD); write it as UTF-8 text")
            }
            if bytes > maximumEntryBytes { return refuse("entry \(index) is \(bytes) bytes, more than the \(maximumEntryBytes) an entry may hold") }
        }
        guard total <= maximumTotalBytes else {
            return refuse("holds \(total) bytes in all, more than the \(maximumTotalBytes) a list may hold")
        }
        return nil
    }
}
