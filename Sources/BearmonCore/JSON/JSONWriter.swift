/// Compact JSON written straight into bytes, for the messages stored on every push: Foundation's
/// `JSONEncoder` was a ninth of a push's CPU. Keys go out in the order they are written;
/// callers write them sorted, as `MonitorJSON.encoder` does. Absent (nil) fields are left out,
/// as synthesized `Encodable` leaves them out.
package struct JSONWriter {
    /// The text so far.
    package private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// An empty writer.
    package init() { bytes.reserveCapacity(256) }

    /// The JSON that `write` writes into a new writer, as text.
    package static func text(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        write(&writer)
        return writer.text
    }

    /// The text so far as a string.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes `{`, what `body` writes, then `}`.
    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// A string field, left out when nil.
    package mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        writeKey(key)
        string(value)
    }

    /// An integer field, left out when nil.
    package mutating func field(_ key: StaticString, _ value: Int64?) {
        guard let value else { return }
        writeKey(key)
        bytes += String(value).utf8
    }

    /// A number field, left out when nil. Swift's shortest round-tripping form: it reads back
    /// as the same Double. JSON has no NaN or infinity; those are written as null.
    package mutating func field(_ key: StaticString, _ value: Double?) {
        guard let value else { return }
        writeKey(key)
        if value.isFinite { bytes += value.description.utf8 } else { bytes += "null".utf8 }
    }

    /// A string-to-string map field with its keys sorted, left out when nil.
    package mutating func field(_ key: StaticString, _ value: [String: String]?) {
        guard let value else { return }
        writeKey(key)
        bytes.append(UInt8(ascii: "{"))
        // Sorted by UTF-8 bytes, not by String's Unicode ordering: stable and cheap.
        for (index, entry) in value.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(entry.key)
            bytes.append(UInt8(ascii: ":"))
            string(entry.value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// An object field, left out when nil.
    package mutating func field<Value>(_ key: StaticString, _ value: Value?, _ write: (inout JSONWriter, Value) -> Void) {
        guard let value else { return }
        writeKey(key)
        write(&self, value)
        needsComma = true
    }

    /// An array field, left out when nil.
    package mutating func field<Element>(_ key: StaticString, elements: [Element]?, _ write: (inout JSONWriter, Element) -> Void) {
        guard let elements else { return }
        writeKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func writeKey(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes += $0 }
        bytes += [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }

    /// `value` quoted: `"` and `\` escaped, control characters as \n, \r, \t, \b, \f or \u00XX (as `JSONEncoder` writes them), every
    /// other character (slashes, U+2028, non-ASCII) as its UTF-8 bytes.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
