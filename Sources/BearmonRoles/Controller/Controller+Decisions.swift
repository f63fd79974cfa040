import BearmonCore
import Foundation

extension Controller {
    /// Acts on the state machine's decisions: flips are queued for the store (in order, so a
    /// check's offline is always written before its online), the rest are logged and, where
    /// an operator must act, sent to the admin once.
    func handle(_ decisions: [Decision]) {
        for decision in decisions {
            switch decision {
            case .flip(let id, let status, let message):
                guard let check = valid[id], let view else { continue }
                let (wall, monotonic) = (wallMilliseconds(), monotonicMilliseconds())
                // The streak began on the monotonic clock; the store keeps wall time.
                let began = scheduler.checks[id]?.lastFlipBeganAt.map { wall - max(0, monotonic - $0) } ?? wall
                pendingFlips.append(PendingFlip(flip: FlipRequest(
                    flipID: UUID().uuidString.lowercased(), checkID: id, status: status, message: message, time: wall,
                    checkName: check.row.name, checkType: check.row.type, maskedData: check.params.maskedJSON, beganAt: began
                ), view: view, decidedAt: monotonic))
                logger.notice("check \(id) (\(check.row.name.fitted(to: .checkName))) is now \(status.rawValue)",
                              metadata: ["message": "\(message.fitted(to: .message))"])
                startFlipWriter()
                if status == .offline { runParents(of: id) }
            case .misconfigured(let id, let message):
                let name = valid[id]?.row.name ?? "?"
                admin.tell(key: "misconfigured-\(id)", about: "check \(id) (\(name))", status: "misconfigured",
                           message: "it failed \(settings.scheduler.failLimit) times in a row: \(message)")
            case .recovered(let id):
                admin.forget(key: "misconfigured-\(id)")
                logger.info("check \(id) produces results again")
            case .tooFewWorkers(let alive, let needed):
                admin.tell(key: "workers", about: "the cluster", status: "degraded",
                           message: "only \(alive) worker(s) alive but confirmations = \(needed): no check can flip until more workers return")
            case .enoughWorkers(let alive):
                admin.forget(key: "workers")
                logger.info("\(alive) workers alive again; checks can flip")
            }
        }
    }

    /// Starts the flip writer unless it is running; `maintain` calls it too, so that a held
    /// check's flip is tried again when its time comes.
    func startFlipWriter() {
        guard !flipWriterRunning, !pendingFlips.isEmpty else { return }
        flipWriterRunning = true
        sideTasks.run { await self.writeFlips() }
    }
}
