import ArgumentParser

/// How log lines look on standard error: `[default] logFormat` or `--log-format`.
enum LogFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// swift-log's human-readable lines (the default).
    case text
    /// One JSON object a line (time, level, label, message, metadata), for journald, Loki or Elastic.
    case json
}
