package import BearmonCore

extension Controller {
    /// Where the checks `ids` stand in the state machine (all checks when `ids` is empty is
    /// not offered: callers page). Nothing while this controller holds no view: its state
    /// machine may be stale.
    package func rounds(_ ids: [Int64]) async throws -> [Int64: CheckRound] {
        guard view != nil else { throw ControllerUnavailable() }
        var rounds: [Int64: CheckRound] = [:]
        for id in Set(ids.prefix(RoundsLimit.value)) {
            guard let check = scheduler.checks[id] else { continue }
            rounds[id] = CheckRound(
                checkID: id, status: check.status, disagreeing: check.turnSet.sorted(),
                confirmations: check.definition.passive ? 1 : settings.scheduler.confirmations,
                roundsDone: check.turnCount, roundsNeeded: check.definition.delay + 1,
                lastWorker: check.lastResult?.worker, lastStatus: check.lastResult?.status,
                lastMessage: check.lastResult.map { $0.message.fitted(to: .message) }
            )
        }
        return rounds
    }
}

/// The most checks one rounds question covers.
enum RoundsLimit {
    static let value = 500
}

/// This node's controller holds no view, so its rounds are not the cluster's.
package struct ControllerUnavailable: Error, CustomStringConvertible {
    /// Why.
    package var description: String { "this node's controller holds no view; ask the cluster's controller" }
}
