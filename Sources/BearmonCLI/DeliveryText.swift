import BearmonCore

/// How `bearmon notify` prints a ``ContactOutcome``: the outcome, then the error or the
/// receipt, then the event ID, one per line.
struct DeliveryText {
    let outcome: ContactOutcome
    let eventID: String

    var text: String {
        var lines = ["outcome:  \(outcome.status.rawValue)"]
        if !outcome.error.isEmpty { lines.append("error:    \(outcome.error)") }
        if let receipt = outcome.receipt { lines.append("receipt:  \(receipt)") }
        lines.append("event_id: \(eventID)")
        return lines.joined(separator: "\n")
    }
}
