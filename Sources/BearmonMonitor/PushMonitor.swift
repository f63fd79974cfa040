package import BearmonCore
package import BearmonStore
import Foundation
package import Logging

/// bearmon's monitor-srv: takes pushed healthchecks, status and stats into the shared store,
/// answers monitor-srv's queries from it, and reaps what went stale. Every node with a store
/// runs one, so any node can take a push and the controller sees them all.
package final class PushMonitor: Sendable {
    /// Where pushes are kept: the lane's own connection (see ``PushLane``).
    package var store: any Store { lane.store }
    /// `[push]`.
    package let settings: PushSettings
    package let logger: Logger
    /// The push API's own connection and bounded queue, apart from the controller's, so that
    /// a burst of pushes never delays a flip being written.
    package let lane: PushLane
    /// Where the lane's statements run, for the node's own checks on it.
    package var storeQueue: BlockingExecutor { lane.executor }

    /// Healthcheck ids that only nodes write, over the signed wire: bearmon's own health.
    package static let reservedPrefix = "bearmon."

    /// Whether `id` is bearmon's own: it starts with ``reservedPrefix`` in any case, so that
    /// `Bearmon.node.alive` cannot pass for it where a display or a collation ignores case.
    static func isReserved(_ id: String) -> Bool {
        id.lowercased().hasPrefix(reservedPrefix)
    }

    /// A monitor over `store`, which should be a connection of its own (see
    /// ``SQLStore/anotherConnection(logger:)``); `holdLane` is a test hook (see ``PushLane``).
    package init(store: any Store, settings: PushSettings, logger: Logger = Logger(label: "bearmon.push"), holdLane: Bool = false) {
        self.settings = settings
        self.logger = logger
        lane = PushLane(store: store, settings: settings, held: holdLane)
    }

    /// Takes one pushed message of `kind` from its JSON body, received now on the open API:
    /// 403 for a reserved id, 429 for a new entry past `[push] maxEntries`, 503 when the lane is full.
    package func push(_ kind: PushKind, body: [UInt8]) async throws -> PushRow {
        let row = try PushIntake(settings: settings, receivedAt: wallMilliseconds()).row(kind, body: body)
        if Self.isReserved(row.healthCheckID) {
            throw PushRefusal.forbidden("healthcheck ids starting with '\(Self.reservedPrefix)' are reserved for bearmon's own health, which nodes send over the signed node wire; pick another id")
        }
        if try await lane.save(row) == .full {
            throw PushRefusal.tooMany("the store holds [push] maxEntries = \(settings.maxEntries) push entries, so a new one is refused (updates of existing entries are taken); raise [push] maxEntries or let entries expire")
        }
        return row
    }

    /// Takes a node's own healthcheck from a signed peer (the viewserver): only ids under
    /// ``reservedPrefix`` are taken here, and they are not counted against `[push] maxEntries`.
    package func pushSelfHealth(body: [UInt8]) async throws -> PushRow {
        let row = try PushIntake(settings: settings, receivedAt: wallMilliseconds()).row(.healthCheck, body: body)
        guard Self.isReserved(row.healthCheckID) else {
            throw PushRefusal.forbidden("the signed self-health route takes only healthcheck ids starting with '\(Self.reservedPrefix)'; push '\(row.healthCheckID)' to /v1/healthchecks")
        }
        try await save(row)
        return row
    }

    /// Stores a row made by ``PushIntake`` for the node itself: never shed, never bounded.
    package func save(_ row: PushRow) async throws {
        try await lane.always { try $0.savePush(row) }
    }

    /// Reaps once (see ``Store/reapPushes(now:)``).
    @discardableResult
    package func reap() async throws -> PushReaping {
        let now = wallMilliseconds()
        return try await lane.always { try $0.reapPushes(now: now) }
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

    /// The stored pushes of `kind` that `selection` picks, read now through the lane.
    func rows(_ kind: PushKind, _ selection: PushSelection) async throws -> (rows: [PushRow], now: Int64) {
        let now = wallMilliseconds()
        let rows = try await lane.read { try $0.pushes(kind, selection, now: now) }
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
