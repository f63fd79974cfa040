/// What a Nagios plugin printed, read as the Monitoring Plugins guidelines define it: the
/// first line is the status text, then `|` and performance data; later lines are long text,
/// until one holding a `|`, after which everything is performance data.
struct NagiosOutput: Equatable {
    /// The longest message kept, in characters.
    static let messageLimit = 1_000

    /// The first line's text, trimmed and cut to ``messageLimit`` characters.
    let message: String
    /// The performance data, in base units.
    let metrics: [NagiosMetric]

    /// Parses `bytes` (invalid UTF-8 becomes U+FFFD).
    init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var perf: [Substring] = []
        let first = lines.first ?? ""
        let (status, firstPerf) = Self.split(first)
        perf.append(firstPerf)
        var inPerf = false
        for line in lines.dropFirst() {
            if inPerf {
                perf.append(line)
            } else if line.contains("|") {
                perf.append(Self.split(line).1)
                inPerf = true
            }
        }
        let trimmed = String(status).trimmingCharacters(in: " \t")
        message = trimmed.count > Self.messageLimit ? String(trimmed.prefix(Self.messageLimit)) : trimmed
        metrics = perf.flatMap(NagiosMetric.parse)
    }

    private static func split(_ line: Substring) -> (Substring, Substring) {
        guard let bar = line.firstIndex(of: "|") else { return (line, "") }
        return (line[..<bar], line[line.index(after: bar)...])
    }
}
