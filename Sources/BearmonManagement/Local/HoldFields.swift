import BearmonConfig
package import BearmonCore
import Foundation

/// The fields maintenance windows and silences share, read the same way from API bodies, CLI
/// options and config-as-code files: instants, durations, comments, and who made them.
package enum HoldFields {
    /// The longest comment (its column).
    package static let maxComment = 1024
    /// The longest instant text looked at: RFC 3339 with fractions and an offset is ~35.
    static let maxInstantText = 64

    /// An instant in unix ms from an integer (unix ms) or RFC 3339 text with an offset, such
    /// as 2026-12-01T02:00:00+01:00; 1900 to 9999 (what windows can be evaluated over).
    package static func instant(_ value: JSONValue, field: String, of what: String) throws(CatalogError) -> Int64 {
        switch value {
        case .int(let milliseconds):
            guard milliseconds >= RecurringWindow.earliestInstant, milliseconds <= RecurringWindow.latestInstant else {
                throw CatalogError(.invalid, "\(what) \(field) \(milliseconds) is out of range; give unix milliseconds from 1900 to 9999, or a time such as 2026-12-01T02:00:00+01:00")
            }
            return milliseconds
        case .string(let text):
            return try instant(text: text, field: "\(what) \(field)")
        default:
            throw CatalogError(.invalid, "\(what) \(field) must be a time such as 2026-12-01T02:00:00+01:00 or unix milliseconds, got \(value.typeDescription)")
        }
    }

    /// RFC 3339 text with an offset (`Z` or `+01:00`), fractions of a second allowed, as unix ms.
    package static func instant(text: String, field: String) throws(CatalogError) -> Int64 {
        let refusal = CatalogError(.invalid, "\(field) '\(BodyReader.printable(text))' is not a time with an offset such as 2026-12-01T02:00:00+01:00 or 2026-12-01T01:00:00Z")
        guard text.utf8.count <= maxInstantText, text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else { throw refusal }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else { throw refusal }
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds >= Double(RecurringWindow.earliestInstant), milliseconds <= Double(RecurringWindow.latestInstant) else {
            throw CatalogError(.invalid, "\(field) '\(text)' is out of range; give a time from 1900 to 9999")
        }
        return Int64(milliseconds)
    }

    /// A duration in ms from an integer (seconds) or text such as 90m, 2h or 7d.
    package static func milliseconds(_ value: JSONValue, field: String, of what: String) throws(CatalogError) -> Int64 {
        switch value {
        case .int(let seconds):
            let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
            guard seconds > 0, !overflow else { throw CatalogError(.invalid, "\(what) \(field) must be a positive number of seconds or a duration such as 2h, got \(seconds)") }
            return product
        case .string(let text):
            return try milliseconds(text: text, field: "\(what) \(field)")
        default:
            throw CatalogError(.invalid, "\(what) \(field) must be a duration such as 90m, 2h or 7d, or seconds, got \(value.typeDescription)")
        }
    }

    /// A duration as text: 90m, 2h, 7d, 500ms or bare seconds (as the config files write them).
    package static func milliseconds(text: String, field: String) throws(CatalogError) -> Int64 {
        switch Config.milliseconds(parsing: text) {
        case .success(let milliseconds): return milliseconds
        case .failure: throw CatalogError(.invalid, "\(field) '\(BodyReader.printable(text))' is not \(Config.durationSyntax)")
        }
    }

    /// Refuses a comment longer than its column or with control characters other than new lines and tabs.
    package static func checkComment(_ comment: String, of what: String) throws(CatalogError) {
        let length = comment.unicodeScalars.count
        guard length <= maxComment else { throw CatalogError(.invalid, "the \(what)'s comment is \(length) characters; at most \(maxComment) fit") }
        guard !comment.unicodeScalars.contains(where: { ($0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t") || $0.properties.generalCategory == .format }) else {
            throw CatalogError(.invalid, "the \(what)'s comment \"\(BodyReader.printable(comment))\" holds control characters; use printable ones")
        }
    }

    /// Who made a window or silence from this process without a token: `local:USER`, the
    /// operating system's name for the effective user (its uid when it has none).
    package static func localCreator() -> String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "local:uid \(uid)" }
        return "local:" + String(cString: name)
    }

    /// Unix ms as UTC RFC 3339 text, to the second (what the CLI prints).
    package static func text(_ milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000).formatted(.iso8601)
    }

    /// A window's timing in words: "2026-12-01T01:00:00Z to 2026-12-01T03:00:00Z" or
    /// "0 2 * * 0 for 2h in Europe/Berlin".
    package static func whenText(_ timing: MaintenanceRow.Timing) -> String {
        switch timing {
        case .oneOff(let start, let end): "\(text(start)) to \(text(end))"
        case .recurring(let cron, let seconds, let zone): "\(cron) for \(durationText(seconds.secondsInMilliseconds)) in \(zone)"
        }
    }

    /// Unix ms as UTC RFC 3339 text, with milliseconds when it has any: exact, for files.
    package static func exactText(_ milliseconds: Int64) -> String {
        guard milliseconds % 1_000 != 0 else { return text(milliseconds) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000))
    }

    /// A duration in ms as the shortest exact text: 2h, 90m, 45s.
    package static func durationText(_ milliseconds: Int64) -> String {
        for (suffix, factor) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)] where milliseconds % factor == 0 {
            return "\(milliseconds / factor)\(suffix)"
        }
        return "\(milliseconds)ms"
    }
}
