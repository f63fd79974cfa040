import BearmonCore
import Logging

/// When a node pushes its own healthchecks: every ``SelfMonitor/intervalSeconds``, and within
/// a second of a change that one of them reports (the view this node holds, the viewserver's
/// holder), so that a failover shows at once rather than an interval later. A failing push
/// is logged once and its recovery once, so a store or candidate that is down does not fill
/// the log.
struct SelfPushLoop<Key: Equatable & Sendable>: Sendable {
    /// Whose healthchecks, for log lines: "this node's", "the viewserver's".
    let subject: String
    /// How long after a failed push to try again.
    let retry: Duration
    /// Failures this soon after start are expected (peers still starting) and not logged.
    let quietStart: Duration
    let logger: Logger

    /// Runs until cancelled: reads `key` every second and calls `push` with it when due.
    func run(key: @Sendable () async -> Key, push: @Sendable (Key) async throws -> Void) async {
        let started = monotonicMilliseconds()
        var failing = false
        var pushedKey: Key?
        var nextPush = started
        while !Task.isCancelled {
            let current = await key()
            if monotonicMilliseconds() >= nextPush || current != pushedKey {
                pushedKey = current
                do {
                    try await push(current)
                    nextPush = monotonicMilliseconds() + SelfMonitor.intervalSeconds * 1_000
                    if failing { logger.notice("pushing \(subject) own healthchecks again") }
                    failing = false
                } catch {
                    nextPush = monotonicMilliseconds() + retry.inMilliseconds
                    let starting = monotonicMilliseconds() - started < quietStart.inMilliseconds
                    if !failing, !starting { logger.warning("cannot push \(subject) own healthchecks: \(error)") }
                    failing = !starting
                }
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
