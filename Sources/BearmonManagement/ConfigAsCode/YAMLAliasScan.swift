/// Finds YAML aliases (`*name`) before Yams composes a file. Yams shares an aliased node
/// instead of copying it, but hashes every mapping key in full to find duplicates, so an alias
/// bomb used as a key (`? *lol9`) would take hours; config as code needs no aliases at all, so
/// a file with one is refused up front, naming its line.
///
/// The scan is lexical and errs towards finding an alias: it skips comments, quoted scalars,
/// block scalars and the inside of plain scalars (where `*` is an ordinary character), and
/// treats every other place where a node may start as one.
package enum YAMLAliasScan {
    /// The 1-based line of the first alias in `text`, or nil when there is none.
    package static func firstAlias(in text: String) -> Int? {
        var scanner = Scanner()
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if scanner.scan(Array(line)) { return lineNumber }
        }
        return nil
    }

    private struct Scanner {
        /// Inside a double- or single-quoted scalar that goes on over lines.
        var quote: UInt8?
        /// Inside a block scalar (`|` or `>`) whose header line had this indentation.
        var blockIndent: Int?
        /// Depth of `[` and `{`.
        var flowDepth = 0

        /// Scans one line; returns whether an alias starts on it.
        mutating func scan(_ line: [UInt8]) -> Bool {
            let bytes = line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : line
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            if let parent = blockIndent {
                if indent == bytes.count || indent > parent { return false }
                blockIndent = nil
            }
            var index = 0
            var nodeMayStart = quote == nil
            // A document marker (--- or ...) may have a node after it on the same line.
            if quote == nil, bytes.count >= 3, bytes[0] == bytes[1], bytes[1] == bytes[2],
               bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "."),
               bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "\t") {
                index = 3
            }
            var inPlain = false
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if byte == open {
                        if open == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == open {
                            index += 2
                            continue
                        }
                        quote = nil
                        nodeMayStart = false
                    }
                    index += 1
                    continue
                }
                let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
                let nextIsBlank = next.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? true
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    if !inPlain { nodeMayStart = true }
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "#") { return false }
                case UInt8(ascii: "#") where index == 0 || (nodeMayStart && !inPlain):
                    return false
                case UInt8(ascii: ":") where nextIsBlank || (flowDepth > 0 && (!inPlain || next.map(Self.isFlowIndicator) == true)):
                    inPlain = false
                    nodeMayStart = true
                case let indicator where Self.isFlowIndicator(indicator) && (flowDepth > 0 || (nodeMayStart && !inPlain)):
                    inPlain = false
                    switch byte {
                    case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1; nodeMayStart = true
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1); nodeMayStart = false
                    default: nodeMayStart = true
                    }
                default:
                    guard nodeMayStart, !inPlain else { break }
                    switch byte {
                    case UInt8(ascii: "*"):
                        return true
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        quote = byte
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        // A block scalar's header; its content is the more indented lines below.
                        blockIndent = indent
                        return false
                    case let indicator where (indicator == UInt8(ascii: "-") || indicator == UInt8(ascii: "?")) && nextIsBlank:
                        nodeMayStart = true
                    case UInt8(ascii: "&"), UInt8(ascii: "!"):
                        // An anchor or a tag: a node may start after the blank that ends it.
                        nodeMayStart = false
                    default:
                        inPlain = true
                        nodeMayStart = false
                    }
                }
                index += 1
            }
            // A plain scalar may go on over lines; a `*` starting the next line is then an
            // ordinary character, but the scan counts it as an alias (erring towards finding one).
            return false
        }

        private static func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }
    }
}
