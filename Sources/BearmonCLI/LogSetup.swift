import BearmonConfig
import Logging
import Synchronization

/// Sends log lines to standard error, once per process.
enum LogSetup {
    private static let done = Mutex(false)

    /// `[default] debug`: whether the config asks for debug lines.
    static func debug(in config: Config) throws(ConfigError) -> Bool {
        try config.bool("default", "debug") ?? false
    }

    /// `[default] logFormat` (text or json), or nil when unset.
    static func format(in config: Config) throws(ConfigError) -> LogFormat? {
        guard let text = config.string("default", "logFormat") else { return nil }
        guard let format = LogFormat(rawValue: text.lowercased()) else {
            throw config.error("default", "logFormat", "'\(text)' is not a log format (write text or json)")
        }
        return format
    }

    /// Installs the stderr handler at `.debug` or `.info`, writing `format`.
    static func bootstrap(debug: Bool, format: LogFormat = .text) {
        done.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                switch format {
                case .text:
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = debug ? .debug : .info
                    return handler
                case .json:
                    var handler = JSONLogHandler(label: label)
                    handler.logLevel = debug ? .debug : .info
                    return handler
                }
            }
        }
    }
}
