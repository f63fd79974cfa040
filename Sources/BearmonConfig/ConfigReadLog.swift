import Synchronization

/// Notes which keys are read while it is installed, so that a test can hold the settings
/// readers to ``Config/hostSections``: a key read but not listed would be refused as unknown.
package final class ConfigReadLog: Sendable {
    @TaskLocal static var current: ConfigReadLog?
    private let keys = Mutex<Set<String>>([])

    /// The keys `body` reads, as lower-cased "section.key".
    package static func keys(readBy body: () throws -> Void) rethrows -> Set<String> {
        let log = ConfigReadLog()
        try $current.withValue(log) { try body() }
        return log.keys.withLock { $0 }
    }

    /// Notes a read of `key` in `section`; nothing when no log is installed.
    static func note(_ section: String, _ key: String) {
        guard let log = current else { return }
        _ = log.keys.withLock { $0.insert("\(section).\(key)".lowercased()) }
    }
}
