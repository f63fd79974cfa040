import BearmonCore
import BearmonSystem
import Foundation
import Glibc
import Logging
import Synchronization

/// Writes each log event to standard error as one JSON object on one line: `time` (UTC,
/// milliseconds), `level`, `label`, `message`, `metadata` and `source`. A message or metadata
/// value that quotes a URL has its secrets masked as everywhere else (``SecretMask/urls(in:)``),
/// so that a log shipper never receives a password a plugin or library put in a URL.
struct JSONLogHandler: LogHandler {
    /// The logger's label (`bearmon`, `bearmon.alerting`...).
    let label: String
    /// The least severe level written.
    var logLevel: Logger.Level = .info
    /// Metadata set on the logger, merged under each event's own.
    var metadata: Logger.Metadata = [:]

    /// A handler for the logger named `label`.
    init(label: String) { self.label = label }

    /// One key of the logger's own metadata.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as one line, its metadata over the logger's.
    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = Self.line(time: Date(), level: event.level, label: label, message: event.message.description,
                             metadata: merged, source: event.source)
        Self.write(line)
    }

    /// The JSON text of one event, without its newline.
    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, source: String) -> String {
        JSONValue.object([
            "time": .string(timestamp(time)),
            "level": .string(level.rawValue),
            "label": .string(label),
            "message": .string(SecretMask.urls(in: message)),
            "metadata": .object(metadata.mapValues(json)),
            "source": .string(source),
        ]).jsonText
    }

    /// A metadata value as JSON, strings masked as messages are.
    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(SecretMask.urls(in: text))
        case .stringConvertible(let item): .string(SecretMask.urls(in: item.description))
        case .array(let items): .array(items.map(json))
        case .dictionary(let fields): .object(fields.mapValues(json))
        }
    }

    /// RFC 3339 in UTC with milliseconds, as log shippers parse it.
    static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }

    /// Serialises writers, so that lines from several threads never interleave.
    private static let output = Mutex(())

    private static func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        output.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 { if errno == EINTR { continue } else { return } }
                    offset += written
                }
            }
        }
    }
}
