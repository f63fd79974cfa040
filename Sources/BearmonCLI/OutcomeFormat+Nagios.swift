import BearmonCore
import Foundation

extension OutcomeFormat {
    /// Units a Nagios perfdata parser knows; a metric in any other unit is printed bare.
    static let nagiosUnits: Set<String> = ["s", "ms", "us", "%", "B", "KB", "MB", "GB", "TB", "c"]

    /// One line in the Monitoring Plugins' output format: `OK - message | 'label'=value[UOM];;;`
    /// (OK online, CRITICAL offline, UNKNOWN fail). The message keeps its first line only, and
    /// a `|` in it becomes `/`, since `|` starts the performance data.
    static func nagios(_ outcome: CheckOutcome) -> String {
        let word = switch outcome.status {
        case .online: "OK"
        case .offline: "CRITICAL"
        default: "UNKNOWN"
        }
        let firstLine = outcome.message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let message = firstLine.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "\r", with: "")
        var line = message.isEmpty ? word : "\(word) - \(message)"
        let data = outcome.metrics.filter(\.value.isFinite).map { metric in
            "\(nagiosLabel(metric.name))=\(nagiosNumber(metric.value))\(nagiosUnits.contains(metric.unit) ? metric.unit : "");;;"
        }
        if !data.isEmpty { line += " | " + data.joined(separator: " ") }
        return line
    }

    /// A label, single-quoted (with `'` doubled) when it holds a space, `=` or `'`.
    private static func nagiosLabel(_ name: String) -> String {
        guard name.contains(where: { $0 == " " || $0 == "=" || $0 == "'" }) else { return name }
        return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A number in plain decimal (perfdata has no exponent), without trailing zeros.
    private static func nagiosNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
