import BearmonCore

/// How `bearmon notify` and `bearmon contacts test` print a delivery's outcome: the outcome,
/// then the error or the receipt, then the event ID, one per line.
struct DeliveryText {
    /// delivered, retry, permanent (notify) or failed (a test).
    let outcome: String
    let error: String
    let receipt: String?
    let eventID: String

    /// The outcome of a delivery made here.
    init(outcome: ContactOutcome, eventID: String) {
        self.init(outcome: outcome.status.rawValue, error: outcome.error, receipt: outcome.receipt, eventID: eventID)
    }

    /// An outcome from its words.
    init(outcome: String, error: String, receipt: String?, eventID: String) {
        self.outcome = outcome
        self.error = error
        self.receipt = receipt
        self.eventID = eventID
    }

    var text: String {
        var lines = ["outcome:  \(outcome)"]
        if !error.isEmpty { lines.append("error:    \(error)") }
        if let receipt { lines.append("receipt:  \(receipt)") }
        lines.append("event_id: \(eventID)")
        return lines.joined(separator: "\n")
    }
}
