/// Writes Prometheus's text exposition format (version 0.0.4) for series that are a snapshot
/// of state rather than instruments: one `# HELP` and `# TYPE` line per family, then its
/// samples. swift-prometheus's registry suits instruments that live as long as the process;
/// a family of 10,000 checks' series rebuilt on every scrape is written here instead, in the
/// same format (``NodeMetrics`` puts both in one answer).
package struct ExpositionWriter {
    /// A family's type, as the `# TYPE` line names it.
    package enum Kind: String, Sendable {
        /// A value that goes up and down.
        case gauge
        /// A value that only goes up while the process lives.
        case counter
    }

    /// What has been written so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty writer, with room for about `capacity` bytes.
    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Starts family `name` (a valid metric name: bearmon's own, never user text).
    package mutating func family(_ name: String, _ kind: Kind, help: String) {
        append("# HELP ")
        append(name)
        append(" ")
        for byte in help.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            default: bytes.append(byte)
            }
        }
        append("\n# TYPE ")
        append(name)
        append(" ")
        append(kind.rawValue)
        append("\n")
    }

    /// One unlabelled sample of the family last started: `name value`.
    package mutating func sample(_ name: String, _ value: Double) {
        sample(name, [:], value)
    }

    /// One sample of the family last started: `name{labels} value`. Label names are bearmon's
    /// own; label values may be anything (a check's name) and are escaped.
    package mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: Double) {
        append(name)
        if !labels.isEmpty {
            append("{")
            for (index, (label, text)) in labels.enumerated() {
                if index > 0 { append(",") }
                append(label)
                append("=\"")
                Self.appendEscaped(text, to: &bytes)
                append("\"")
            }
            append("}")
        }
        append(" ")
        append(Self.format(value))
        append("\n")
    }

    /// Appends `value` as a label value: backslash, double quote and line feed escaped, as the
    /// format requires; everything else (other control characters, any Unicode) as it is.
    /// A Swift string is always valid Unicode, so bytes that were not UTF-8 arrive here as U+FFFD.
    package static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// A sample value as the format spells it: `NaN`, `+Inf`, `-Inf`, whole numbers without a
    /// fraction, and others in Swift's shortest round-tripping form.
    package static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
