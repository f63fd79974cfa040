import BearmonSystem
import Foundation

/// Reads gcfg (git-config style) INI text, the format of gobearmon's `.cfg` files:
/// `[section]` or `[section "sub"]` headers, `key = value` lines, `;` and `#` comments (also
/// after a value), double-quoted values with `\"`, `\\`, `\n`, `\t` escapes, a trailing `\`
/// to continue a line, a bare `key` meaning true, and repeated keys making lists.
package struct GcfgParser {
    let file: String

    /// A parser that names `file` in its errors.
    package init(file: String) { self.file = file }

    /// Reads and parses the file at `path`.
    package static func load(path: String) throws(ConfigError) -> Config {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it as UTF-8 text" : "no such file"
            throw ConfigError(file: path, line: 0, reason: reason, cause: error)
        }
        return try GcfgParser(file: path).parse(text)
    }

    /// Parses `text`.
    package func parse(_ text: String) throws(ConfigError) -> Config {
        var config = Config()
        config.file = file
        var current: String?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var index = 0
        while index < lines.count {
            let lineNumber = index + 1
            var line = String(lines[index])
            index += 1
            // A backslash before the newline joins the next physical line.
            while line.hasSuffix("\\") && !line.hasSuffix("\\\\") && index < lines.count {
                line = String(line.dropLast()) + lines[index]
                index += 1
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix(";") || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("[") {
                current = try sectionName(trimmed, line: lineNumber)
                if config.sections[current!] == nil { config.sections[current!] = Config.Section() }
                continue
            }
            guard let section = current else {
                throw ConfigError(file: file, line: lineNumber, reason: "'\(trimmed)' is outside any section; put a [section] header above it")
            }
            let (key, value) = try variable(trimmed, line: lineNumber)
            config.sections[section]!.values[key, default: []].append(value)
            config.sections[section]!.lines[key] = lineNumber
        }
        return config
    }

    private func sectionName(_ text: String, line: Int) throws(ConfigError) -> String {
        let withoutComment = stripTrailingComment(text)
        guard withoutComment.hasSuffix("]") else {
            throw ConfigError(file: file, line: line, reason: "section header '\(text)' is missing its closing ']'")
        }
        let inner = withoutComment.dropFirst().dropLast().trimmingWhitespace()
        var name = inner
        var subsection: String?
        if let quote = inner.firstIndex(of: "\"") {
            name = inner[..<quote].trimmingWhitespace()
            let rest = inner[inner.index(after: quote)...]
            guard rest.hasSuffix("\""), rest.count >= 1 else {
                throw ConfigError(file: file, line: line, reason: "subsection name in '\(text)' must be in double quotes")
            }
            subsection = String(rest.dropLast())
        }
        guard isName(name) else {
            throw ConfigError(file: file, line: line, reason: "'\(name)' is not a valid section name (letters, digits and '-', starting with a letter)")
        }
        let lowered = name.lowercased()
        return subsection.map { "\(lowered).\($0)" } ?? lowered
    }

    private func variable(_ text: String, line: Int) throws(ConfigError) -> (String, String) {
        let nameEnd = text.firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ?? text.endIndex
        let name = String(text[..<nameEnd])
        guard isName(name) else {
            throw ConfigError(file: file, line: line, reason: "expected 'key = value', got '\(text)'")
        }
        let rest = text[nameEnd...].trimmingWhitespace()
        if rest.isEmpty || rest.hasPrefix(";") || rest.hasPrefix("#") { return (name.lowercased(), "true") }
        guard rest.hasPrefix("=") else {
            throw ConfigError(file: file, line: line, reason: "expected '=' after '\(name)', got '\(rest)'")
        }
        return (name.lowercased(), try value(String(rest.dropFirst()), line: line))
    }

    /// Unquoted runs are trimmed at both ends; quoted runs are kept exactly; a comment
    /// character outside quotes ends the value.
    private func value(_ text: String, line: Int) throws(ConfigError) -> String {
        var result = ""
        var pendingSpace = ""
        var inQuotes = false
        var chars = text.trimmingWhitespace().makeIterator()
        while let c = chars.next() {
            if c == "\\" {
                guard let escaped = chars.next() else {
                    throw ConfigError(file: file, line: line, reason: "a value ends with a lone '\\'")
                }
                result += pendingSpace
                pendingSpace = ""
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "b": result.append("\u{8}")
                case "\\", "\"": result.append(escaped)
                default:
                    throw ConfigError(file: file, line: line, reason: "unknown escape '\\\(escaped)' in value (use \\\\, \\\", \\n or \\t)")
                }
            } else if c == "\"" {
                result += pendingSpace
                pendingSpace = ""
                inQuotes.toggle()
            } else if inQuotes {
                result.append(c)
            } else if c == ";" || c == "#" {
                break
            } else if c == " " || c == "\t" {
                pendingSpace.append(c)
            } else {
                result += pendingSpace
                pendingSpace = ""
                result.append(c)
            }
        }
        if inQuotes { throw ConfigError(file: file, line: line, reason: "a double quote in the value is never closed") }
        return result
    }

    private func stripTrailingComment(_ text: String) -> String {
        var inQuotes = false
        for (offset, c) in text.enumerated() {
            if c == "\"" { inQuotes.toggle() }
            if !inQuotes && (c == ";" || c == "#") { return String(text.prefix(offset)).trimmingWhitespace() }
        }
        return text
    }

    private func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
