package import BearmonCore
package import BearmonStore
import Foundation
package import Logging

/// bearmon's monitor-srv: takes pushed healthchecks, status and stats into the shared store,
/// answers monitor-srv's queries from it, and reaps what went stale. Every node with a store
/// runs one, so any node can take a push and the controller sees them all.
package final class PushMonitor: Sendable {
    /// Where pushes are kept.
    package let store: any Store
    /// `[push]`.
    package let settings: PushSettings
    package let logger: Logger
    /// Store calls block; they run here, apart from the controller's own store queue so that
    /// a burst of pushes never delays a flip being written.
    package let storeQueue = BlockingExecutor(label: "bearmon.push.store")

    /// A monitor over `store`.
    package init(store: any Store, settings: PushSettings, logger: Logger = Logger(label: "bearmon.push")) {
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    /// Takes one pushed message of `kind` from its JSON body, received now.
    package func push(_ kind: PushKind, body: [UInt8]) async throws -> PushRow {
        let row = try PushIntake(settings: settings, receivedAt: wallMilliseconds()).row(kind, body: body)
        try await save(row)
        return row
    }

    /// Stores a row made by ``PushIntake``.
    package func save(_ row: PushRow) async throws {
        try await storeQueue.run { [store] in try store.savePush(row) }
    }

    /// Reaps once (see ``Store/reapPushes(now:)``).
    @discardableResult
    package func reap() async throws -> PushReaping {
        let now = wallMilliseconds()
        return try await storeQueue.run { [store] in try store.reapPushes(now: now) }
    }

    /// Reaps every `[push] reap` until cancelled. Every node with a store runs this; the
    /// store's statements make concurrent passes harmless.
    package func runReaper() async {
        var failing = false
        while !Task.isCancelled {
            do {
                let reaping = try await reap()
                if failing { logger.notice("reaping pushes again") }
                failing = false
                if reaping.expired > 0 { logger.debug("reaped \(reaping.expired) expired pushes") }
            } catch {
                if !failing { logger.warning("cannot reap pushes: \(error)") }
                failing = true
            }
            try? await Task.sleep(for: settings.reapInterval)
        }
    }

    /// The stored pushes of `kind` matching `service` and `id`, read now.
    func rows(_ kind: PushKind, service: String?, id: String?) async throws -> (rows: [PushRow], now: Int64) {
        let now = wallMilliseconds()
        let rows = try await storeQueue.run { [store] in try store.pushes(kind, service: service, id: id, now: now) }
        return (rows, now)
    }

    /// The message stored in `row`; a row whose JSON cannot be read is logged and left out
    /// rather than failing every query.
    func message<T: Decodable>(_ row: PushRow, as type: T.Type) -> T? {
        do {
            return try JSONDecoder().decode(T.self, from: Data(row.body.utf8))
        } catch {
            logger.warning("skipping an unreadable stored push from node \(row.nodeID): \(error)")
            return nil
        }
    }

    /// The messages stored in `rows` (see ``message(_:as:)``).
    func messages<T: Decodable>(_ rows: [PushRow], as type: T.Type) -> [T] {
        rows.compactMap { message($0, as: T.self) }
    }
}
