package import Foundation

/// JSON in and out of the monitor-srv API. Unlike the rest of bearmon's wire (snake_case,
/// see `WireJSON`), it keeps go-micro's lowerCamelCase field names (`healthChecks`,
/// `stdDev`), so that what go-micro tools read back looks like what monitor-srv answers.
package enum MonitorJSON {
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The same, indented, for `bearmon query`.
    package static let prettyEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }()

    /// `value` as compact JSON text.
    package static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The deepest nesting of arrays and objects in `bytes`, counting no further than
    /// `limit + 1`: checked before decoding, so that a hostile body cannot make the decoder
    /// recurse deeply.
    package static func depth(of bytes: [UInt8], limit: Int) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > limit { return deepest }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// Where a decoding error happened, as a field path: "service.nodes[0].id".
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    /// "a string", "an object"...: what a field of `type` must be.
    private static func noun(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Double.self || type == Int64.self { return "a number" }
        return String(describing: type).hasPrefix("Array") ? "a list" : "an object"
    }

    /// A decoding error in words that name the field.
    package static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            if field.isEmpty { return "the body must be a JSON object" }
            if context.debugDescription.hasPrefix("must ") { return "\(field) \(context.debugDescription)" }
            return "\(field) must be \(noun(type))"
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "invalid JSON" + (underlying.map { ": \($0)" } ?? "")
            }
            return "\(field): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)) must not be null"
        @unknown default:
            return "\(error)"
        }
    }
}
