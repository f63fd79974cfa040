extension SecretMask {
    /// Why a URL sent back with masks in it cannot be restored.
    public struct RestoreError: Error, CustomStringConvertible, Sendable {
        /// What was masked and why it cannot be kept.
        public let description: String
    }

    /// The URL an edit means when it sends back a URL as shown (masked): every part that is
    /// exactly ``mask`` keeps the stored value, everything else is taken as written.
    ///
    /// - userinfo `********` keeps the stored userinfo;
    /// - a query or fragment parameter `name=********` keeps the value of the stored URL's
    ///   parameter of that name in the same position among the parameters of that name (the
    ///   second `token=********` keeps the second stored `token`);
    /// - a path that is exactly `/********` (a contact URL shown without its path) keeps the
    ///   stored path, query and fragment.
    ///
    /// So a user can change the host or a harmless parameter of a masked URL and keep its
    /// secrets. A mask with no stored value to keep is an error naming the part.
    public static func restoreURL(_ edited: String, from stored: String) throws(RestoreError) -> String {
        guard edited.contains(mask) else { return edited }
        let new = URLParts(edited), old = URLParts(stored)
        let maskBytes = Array(mask.utf8)
        var out = new.prefix
        if let userinfo = new.userinfo {
            if userinfo.elementsEqual(maskBytes) {
                guard let kept = old.userinfo else { throw RestoreError(description: "the URL's user and password are the mask \(mask), but the stored URL has none to keep; write them out") }
                out += kept
            } else {
                out += userinfo
            }
            out.append(UInt8(ascii: "@"))
        }
        out += new.host
        if new.path.elementsEqual(Array("/\(mask)".utf8)), new.query == nil, new.fragment == nil {
            out += old.path
            if let query = old.query { out += [UInt8(ascii: "?")] + query }
            if let fragment = old.fragment { out += [UInt8(ascii: "#")] + fragment }
            return String(decoding: out, as: UTF8.self)
        }
        out += new.path
        if let query = new.query { out += [UInt8(ascii: "?")] + (try restoredParameters(query, from: old.query, part: "query")) }
        if let fragment = new.fragment { out += [UInt8(ascii: "#")] + (try restoredParameters(fragment, from: old.fragment, part: "fragment")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `edited`'s parameters with each `name=********` given the stored value of the same name
    /// and occurrence.
    private static func restoredParameters(_ edited: ArraySlice<UInt8>, from stored: ArraySlice<UInt8>?, part: String) throws(RestoreError) -> [UInt8] {
        let maskBytes = Array(mask.utf8)
        let storedPairs = stored.map { parameterPieces($0).map(Self.nameAndValue) } ?? []
        var seen: [ArraySlice<UInt8>: Int] = [:]
        var out: [UInt8] = []
        for (index, piece) in parameterPieces(edited).enumerated() {
            if index > 0 { out.append(edited[piece.startIndex - 1]) }
            let (name, value) = nameAndValue(piece)
            let occurrence = seen[name, default: 0]
            seen[name] = occurrence + 1
            guard let value, value.elementsEqual(maskBytes) else {
                out += piece
                continue
            }
            let candidates = storedPairs.filter { $0.name.elementsEqual(name) }
            guard occurrence < candidates.count, let kept = candidates[occurrence].value else {
                let shown = String(decoding: name, as: UTF8.self)
                throw RestoreError(description: "the URL's \(part) parameter '\(shown)' is the mask \(mask), but the stored URL has no value for it to keep; write the value out")
            }
            out += name + [UInt8(ascii: "=")] + kept
        }
        return out
    }

    private static func nameAndValue(_ piece: ArraySlice<UInt8>) -> (name: ArraySlice<UInt8>, value: ArraySlice<UInt8>?) {
        guard let equals = piece.firstIndex(of: UInt8(ascii: "=")) else { return (piece, nil) }
        return (piece[..<equals], piece[(equals + 1)...])
    }
}
