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

    /// Installs the stderr handler at `.debug` or `.info`.
    static func bootstrap(debug: Bool) {
        done.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = debug ? .debug : .info
                return handler
            }
        }
    }
}
