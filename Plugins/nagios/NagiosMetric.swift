/// One performance datum, `'label'=value[UOM];warn;crit;min;max`, in base units.
struct NagiosMetric: Equatable {
    /// The label, unquoted.
    let label: String
    /// The value in base units: seconds, bytes, percent, or a counter.
    let value: Double
    /// "s", "B", "%", "c", or "" for a plain number.
    let unit: String

    /// Every datum in `text` (space-separated; single-quoted labels may hold spaces, and ''
    /// stands for a quote). Data that does not parse, and "U" (unknown) values, are skipped.
    static func parse(_ text: Substring) -> [NagiosMetric] {
        var result: [NagiosMetric] = []
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
            guard index < text.endIndex else { break }
            var label = ""
            if text[index] == "'" {
                index = text.index(after: index)
                while index < text.endIndex {
                    if text[index] == "'" {
                        let next = text.index(after: index)
                        if next < text.endIndex, text[next] == "'" {
                            label.append("'")
                            index = text.index(after: next)
                            continue
                        }
                        index = next
                        break
                    }
                    label.append(text[index])
                    index = text.index(after: index)
                }
            }
            let start = index
            while index < text.endIndex, text[index] != " ", text[index] != "\t" { index = text.index(after: index) }
            let rest = text[start..<index]
            if let metric = datum(label: label, rest) { result.append(metric) }
        }
        return result
    }

    /// Parses `label=value[UOM];...` (or `=value...` after a quoted label).
    private static func datum(label quoted: String, _ rest: Substring) -> NagiosMetric? {
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        let label = quoted.isEmpty ? String(rest[..<equals]) : quoted + rest[..<equals]
        guard !label.isEmpty else { return nil }
        let field = rest[rest.index(after: equals)...].split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        let numberEnd = field.firstIndex(where: { !("0123456789.-+eE".contains($0)) }) ?? field.endIndex
        // "1e" would read the unit's first letter as an exponent: E only counts before a digit.
        var digits = field[..<numberEnd]
        while let last = digits.last, "eE+-".contains(last) { digits = digits.dropLast() }
        guard let number = Double(digits), number.isFinite else { return nil }
        let uom = field[digits.endIndex...]
        let scaled: (scale: Double, unit: String)? = switch uom.lowercased() {
        case "": (1, "")
        case "s": (1, "s")
        case "ms": (0.001, "s")
        case "us": (0.000_001, "s")
        case "%": (1, "%")
        case "b": (1, "B")
        case "kb": (1024, "B")
        case "mb": (1024 * 1024, "B")
        case "gb": (1024 * 1024 * 1024, "B")
        case "tb": (1024 * 1024 * 1024 * 1024, "B")
        case "c": (1, "c")
        default: nil
        }
        guard let scaled else { return nil }
        return NagiosMetric(label: label, value: number * scaled.scale, unit: scaled.unit)
    }
}
