import Foundation

/// A strict reader of Prometheus's text exposition format (0.0.4) for tests: every line must
/// be a HELP or TYPE comment or a sample; names must follow the naming rules; a label value
/// may use only the three escapes the format defines; each family's samples follow its TYPE
/// line, families are not split, and no series appears twice.
struct Exposition {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// One sample: metric name, labels (unescaped), value.
    struct Sample: Equatable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    /// Every sample, in order.
    private(set) var samples: [Sample] = []
    /// Each family's type, by name.
    private(set) var types: [String: String] = [:]

    init(_ text: String) throws {
        var current: String?
        var finished: Set<String> = []
        var seen: Set<String> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            func fail(_ why: String) -> Failure { Failure(description: "line \(number + 1): \(why): \(line.prefix(200))") }
            if line.isEmpty { continue }
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                guard Self.isMetricName(name) else { throw fail("bad metric name") }
                if line.hasPrefix("# TYPE ") {
                    guard parts.count == 2, ["counter", "gauge", "histogram", "summary", "untyped"].contains(String(parts[1])) else { throw fail("bad type") }
                    guard types[name] == nil else { throw fail("second TYPE for \(name)") }
                    types[name] = String(parts[1])
                    if let current, current != name { finished.insert(current) }
                    current = name
                }
                continue
            }
            guard !line.hasPrefix("#") else { throw fail("a comment that is neither HELP nor TYPE") }
            var scanner = Substring(line)
            let name = String(scanner.prefix { $0 != "{" && $0 != " " })
            scanner = scanner.dropFirst(name.count)
            guard Self.isMetricName(name) else { throw fail("bad metric name") }
            let family = types[name] != nil ? name : String(name.replacingOccurrences(of: "_total", with: ""))
            guard current == name || current == family, !finished.contains(name) else { throw fail("sample outside its family") }
            var labels: [String: String] = [:]
            if scanner.first == "{" {
                scanner = scanner.dropFirst()
                while scanner.first != "}" {
                    let label = String(scanner.prefix { $0 != "=" })
                    guard Self.isLabelName(label), labels[label] == nil else { throw fail("bad or repeated label name '\(label)'") }
                    scanner = scanner.dropFirst(label.count)
                    guard scanner.hasPrefix("=\"") else { throw fail("label without =\"") }
                    scanner = scanner.dropFirst(2)
                    var value = ""
                    var bytes = Array(scanner.utf8)[...]
                    var consumed = 0
                    var closed = false
                    var raw: [UInt8] = []
                    while let byte = bytes.first {
                        bytes = bytes.dropFirst()
                        consumed += 1
                        if byte == UInt8(ascii: "\"") { closed = true; break }
                        if byte == UInt8(ascii: "\\") {
                            guard let next = bytes.first else { throw fail("escape at end") }
                            bytes = bytes.dropFirst()
                            consumed += 1
                            switch next {
                            case UInt8(ascii: "\\"): raw.append(UInt8(ascii: "\\"))
                            case UInt8(ascii: "\""): raw.append(UInt8(ascii: "\""))
                            case UInt8(ascii: "n"): raw.append(UInt8(ascii: "\n"))
                            default: throw fail("unknown escape \\\(Character(Unicode.Scalar(next)))")
                            }
                        } else {
                            raw.append(byte)
                        }
                    }
                    guard closed else { throw fail("unterminated label value") }
                    guard let decoded = String(validating: raw, as: UTF8.self) else { throw fail("label value is not UTF-8") }
                    value = decoded
                    labels[label] = value
                    scanner = Substring(String(decoding: Array(scanner.utf8).dropFirst(consumed), as: UTF8.self))
                    if scanner.first == "," { scanner = scanner.dropFirst() } else if scanner.first != "}" { throw fail("expected , or }") }
                }
                scanner = scanner.dropFirst()
            }
            guard scanner.first == " " else { throw fail("no space before the value") }
            let valueText = String(scanner.dropFirst())
            guard let value = Self.value(valueText) else { throw fail("bad value '\(valueText)'") }
            let key = name + labels.sorted { $0.key < $1.key }.map { "\u{0}\($0.key)=\($0.value)" }.joined()
            guard seen.insert(key).inserted else { throw fail("series repeated") }
            samples.append(Sample(name: name, labels: labels, value: value))
        }
    }

    /// The samples of `name` whose labels include `labels`.
    func samples(_ name: String, _ labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    /// The one value of `name` with `labels`, nil when absent.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let found = samples(name, labels)
        return found.count == 1 ? found[0].value : nil
    }

    static func isMetricName(_ name: String) -> Bool {
        name.range(of: "^[a-zA-Z_:][a-zA-Z0-9_:]*$", options: .regularExpression) != nil
    }

    static func isLabelName(_ name: String) -> Bool {
        name.range(of: "^[a-zA-Z_][a-zA-Z0-9_]*$", options: .regularExpression) != nil && !name.hasPrefix("__")
    }

    static func value(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        default:
            guard text.range(of: "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", options: .regularExpression) != nil else { return nil }
            return Double(text)
        }
    }

    /// `promtool check metrics` on `text`, when promtool is installed: nil when it finds
    /// nothing, its complaint otherwise.
    static func promtool(_ text: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/promtool") else { return nil }
        let dir = try TempDirectory("bearmon-promtool")
        let file = try dir.write("metrics.txt", text)
        let result = try Command.runBlocking("/bin/sh", ["-c", "exec /usr/bin/promtool check metrics < \"$1\"", "sh", file], timeout: 30)
        return result.status == 0 ? nil : "promtool: \(result.stdout) \(result.stderr)"
    }
}
