import BearmonCore

/// How a plain YAML scalar is typed: YAML 1.2's core schema (null, true/false, integers,
/// finite floats; everything else is a string). Reading and writing share it, so that what
/// `export` writes reads back as the same value.
enum CoreSchema {
    /// What a plain scalar means.
    enum Resolution: Equatable {
        /// A value.
        case value(JSONValue)
        /// A number that JSON (and the store) cannot hold.
        case outOfRange
    }

    /// The value of the plain scalar `text`.
    static func resolve(_ text: String) -> Resolution {
        switch text {
        case "", "~", "null", "Null", "NULL": return .value(.null)
        case "true", "True", "TRUE": return .value(.bool(true))
        case "false", "False", "FALSE": return .value(.bool(false))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN": return .outOfRange
        default: break
        }
        let bytes = Array(text.utf8)
        if isDecimalInteger(bytes) {
            return Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text).map { .value(.int($0)) } ?? .outOfRange
        }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            let digits = String(text.dropFirst(2))
            let radix = bytes[1] == UInt8(ascii: "x") ? 16 : 8
            if digits.utf8.allSatisfy({ isDigit($0, radix: radix) }) {
                return Int64(digits, radix: radix).map { .value(.int($0)) } ?? .outOfRange
            }
        }
        if isFloat(bytes) {
            guard let value = Double(text), value.isFinite else { return .outOfRange }
            return .value(.double(value))
        }
        return .value(.string(text))
    }

    private static func isDecimalInteger(_ bytes: [UInt8]) -> Bool {
        let digits = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        return !digits.isEmpty && digits.allSatisfy { isDigit($0, radix: 10) }
    }

    /// `[-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index], radix: 10) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissa = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    private static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "7"): true
        case UInt8(ascii: "8"), UInt8(ascii: "9"): radix >= 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): radix == 16
        default: false
        }
    }
}
