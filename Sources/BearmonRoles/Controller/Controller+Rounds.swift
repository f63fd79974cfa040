extension Controller {
    /// The workers that disagree with each check's status in its current round (checks where
    /// none does are absent): the scheduler's memory only, no store read, so the dashboard
    /// may ask on every load.
    package func disagreeingWorkers() -> [Int64: [String]] {
        var disagreeing: [Int64: [String]] = [:]
        for (id, check) in scheduler.checks where !check.turnSet.isEmpty {
            disagreeing[id] = Array(check.turnSet)
        }
        return disagreeing
    }
}
