/// What the acting controller says of each check's current round: the workers whose results
/// disagree with the check's status so far, out of how many must agree before it flips. Round
/// state lives only in the controller; a node that is not acting as it shows "unknown".
package struct CurrentRounds: Sendable {
    /// The disagreeing workers by check id (checks in agreement are absent).
    package let disagreeing: [Int64: [String]]
    /// Workers that must agree (`[controller] confirmations`).
    package let needed: Int

    /// Rounds from the controller's `disagreeing` workers by check, `needed` workers to a round.
    package init(disagreeing: [Int64: [String]], needed: Int) {
        self.disagreeing = disagreeing.mapValues { $0.sorted() }
        self.needed = needed
    }

    /// How check `id`'s round reads on the dashboard.
    package func text(for id: Int64) -> String {
        guard let workers = disagreeing[id] else { return "round: all agree" }
        return "round: \(workers.count) of \(needed) needed disagree (\(workers.joined(separator: ", ")))"
    }
}
