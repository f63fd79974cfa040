package import BearmonCore

/// What the acting controller says of the shown checks' rounds: the workers whose results
/// disagree with each check's status so far, out of how many must agree before it flips.
/// Round state lives only in the controller; when no controller answered, rounds read "unknown".
package struct CurrentRounds: Sendable {
    /// The controller's rounds by check id; a scheduled check missing here is not scheduled.
    package let rounds: [Int64: CheckRound]

    /// The controller's answer for the shown checks.
    package init(_ rounds: [Int64: CheckRound]) {
        self.rounds = rounds
    }

    /// How check `id`'s round reads on the dashboard.
    package func text(for id: Int64) -> String {
        guard let round = rounds[id] else { return "round: not scheduled by the controller" }
        guard !round.disagreeing.isEmpty else { return "round: all agree" }
        let progress = round.roundsNeeded > 1 ? ", round \(min(round.roundsDone + 1, round.roundsNeeded)) of \(round.roundsNeeded)" : ""
        return "round: \(round.disagreeing.count) of \(round.confirmations) needed disagree (\(round.disagreeing.sorted().joined(separator: ", ")))\(progress)"
    }

    /// What a dashboard says when no controller could be asked.
    static let unknown = "round: unknown (no controller answered)"
}
