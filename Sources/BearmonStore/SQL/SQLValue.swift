/// A value bound to, or read from, a SQL statement, the same for both backends.
package enum SQLValue: Sendable, Equatable, CustomStringConvertible {
    /// SQL NULL.
    case null
    /// An integer.
    case int(Int64)
    /// A floating-point number.
    case double(Double)
    /// Text (UTF-8).
    case text(String)

    /// The value as an integer, converting text such as "42"; nil for NULL or non-numbers.
    package var int: Int64? {
        switch self {
        case .int(let value): value
        case .double(let value): Int64(exactly: value.rounded()) ?? nil
        case .text(let text): Int64(text) ?? Double(text).flatMap { Int64(exactly: $0.rounded()) }
        case .null: nil
        }
    }

    /// The value as a finite number; nil for NULL, non-numbers, infinities and NaN. No column
    /// holds those on purpose, but a row written by SQL can (SQLite reads `1e999` as infinity),
    /// and one in an answer made JSON encoding, and so a whole listing, fail.
    package var double: Double? {
        let number: Double? = switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .text(let text): Double(text)
        case .null: nil
        }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The value as text; nil for NULL.
    package var text: String? {
        switch self {
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .text(let text): text
        case .null: nil
        }
    }

    /// A short form for messages.
    package var description: String { text ?? "NULL" }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// `"text"` in a parameter list.
    package init(stringLiteral value: String) { self = .text(value) }
    /// `42` in a parameter list.
    package init(integerLiteral value: Int64) { self = .int(value) }
}

extension Optional where Wrapped == String {
    /// The string as a SQL value, NULL when nil.
    var sqlValue: SQLValue { map(SQLValue.text) ?? .null }
}
