import BearmonCore
import BearmonStore
import Foundation

extension Controller {
    /// Runs the parents of check `id`, which just went offline, at once: its notification is
    /// held until they are confirmed (issue 22).
    func runParents(of id: Int64) {
        guard let parents = dependencies[id], !parents.isEmpty else { return }
        let now = monotonicMilliseconds()
        for parent in parents { scheduler.runNow(parent, now: now) }
        changes.signal()
    }

    /// Writes the states confirmed since the last pass: every check's when flapping is on,
    /// parents' always (their children's held notifications wait for them). A batch that
    /// cannot be written is kept for the next pass, up to a bound.
    func recordConfirmedStates() async {
        let wall = wallMilliseconds()
        let fresh = scheduler.drainConfirmed().filter { settings.flapping > 0 || parentIDs.contains($0.checkID) }
        confirmedBacklog += fresh.map { ConfirmedState(checkID: $0.checkID, status: $0.status, time: wall) }
        if confirmedBacklog.count > settings.historyBufferLimit { confirmedBacklog.removeFirst(confirmedBacklog.count - settings.historyBufferLimit) }
        guard let view, !confirmedBacklog.isEmpty else { return }
        let batch = confirmedBacklog
        let threshold = settings.flapping
        do {
            let record = try await storeQueue.run { [store] in try store.recordConfirmed(batch, flapping: threshold, view: view) }
            confirmedBacklog.removeFirst(min(batch.count, confirmedBacklog.count))
            for id in record.started { logger.notice("check \(id) is flapping; its flips are held until it settles") }
            for id in record.ended { logger.notice("check \(id) stopped flapping") }
            if record.notices > 0 { onFlipWritten() }
        } catch {
            if let fenced = error as? StoreError, case .fenced = fenced {
                confirmedBacklog.removeAll()
                return
            }
            logger.warning("cannot record confirmed states: \(error)")
        }
    }

    /// Loads the dependencies with the catalog.
    func reloadDependencies() async throws {
        let loaded = try await storeQueue.run { [store] in try store.dependencies() }
        dependencies = loaded
        parentIDs = Set(loaded.values.flatMap { $0 })
    }

    /// With flapping off, no check may stay flapping from an earlier configuration.
    func endFlappingIfOff() async {
        guard settings.flapping == 0 else { return }
        do {
            let ended = try await storeQueue.run { [store] in try store.endFlapping() }
            if ended > 0 { logger.notice("flapping is off: \(ended) check(s) no longer flapping; what they held is released") }
        } catch {
            logger.warning("cannot end flapping: \(error)")
        }
    }
}
