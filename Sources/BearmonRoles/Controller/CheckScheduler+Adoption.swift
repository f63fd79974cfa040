package import BearmonCore

extension CheckScheduler {
    /// Takes `status` for check `id` from outside the state machine (an operator's SQL
    /// `UPDATE checks SET status`), as a flip would: the rounds start over. Returns whether
    /// the status changed.
    @discardableResult
    package mutating func adopt(_ status: CheckStatus, for id: Int64) -> Bool {
        guard var check = checks[id], status != .fail, check.status != status else { return false }
        check.status = status
        check.turnSet = []
        check.turnCount = 0
        checks[id] = check
        return true
    }
}
