import BearmonCore
import BearmonPlugins

extension Controller {
    /// Records that a flip's status is now in the database, so that reading it back is not
    /// taken for an operator's edit.
    func noteWritten(_ flip: FlipRequest) {
        knownStatus[flip.checkID] = flip.status
        flipsWritten &+= 1
        checkFigures[flip.checkID, default: CheckFigures()].flips += 1
    }

    /// gobearmon's reload rule, with its 10-minute guard replaced by a comparison: a stored
    /// status that differs from the one this controller last wrote or loaded was set by
    /// someone else (an operator's SQL reset), and is adopted, with the check's rounds reset.
    /// Adopting sends nothing, as in gobearmon. A read that a flip write may have overtaken
    /// (`stale`), and checks with a flip still queued, wait for the next reload.
    func adoptStatusEdits(_ checks: IDTable<ValidCheck>, stale: Bool) {
        // Removed one by one: a filter copied all 100,000 entries on every reload.
        for id in knownStatus.keys.filter({ !checks.contains($0) }) { knownStatus[id] = nil }
        for (id, check) in checks {
            guard let known = knownStatus[id] else {
                knownStatus[id] = check.status
                continue
            }
            guard known != check.status, !stale, !pendingFlips.contains(where: { $0.flip.checkID == id }) else { continue }
            knownStatus[id] = check.status
            if scheduler.adopt(check.status, for: id) {
                logger.notice("check \(id) (\(check.row.name)) was set to \(check.status.rawValue) in the database; adopted, its rounds start over")
            }
        }
    }
}
