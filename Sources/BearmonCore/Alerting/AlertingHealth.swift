/// Whether the alert path works: decided flips get written and due notifications get their
/// first attempt. It is what `bearmon.alerting` pushes and what `/healthz` answers.
package struct AlertingHealth: Sendable, Equatable, Codable {
    /// Age of the oldest decided flip not yet written, in milliseconds, if any waits.
    package var oldestUnwrittenFlipMs: Int64?
    /// Age of the oldest due notification not yet attempted, in milliseconds, if any waits.
    package var oldestDueNotificationMs: Int64?
    /// Checks held behind a flip the store refuses.
    package var heldChecks: [Int64]
    /// What is wrong, one sentence each, naming the check or contact; empty while alerting works.
    package var problems: [String]

    /// A value from its parts.
    package init(oldestUnwrittenFlipMs: Int64? = nil, oldestDueNotificationMs: Int64? = nil, heldChecks: [Int64], problems: [String]) {
        self.oldestUnwrittenFlipMs = oldestUnwrittenFlipMs
        self.oldestDueNotificationMs = oldestDueNotificationMs
        self.heldChecks = heldChecks
        self.problems = problems
    }

    /// Whether alerting works.
    package var isOK: Bool { problems.isEmpty }

    /// The first few problems as one line (with how many more there are), or "alerting works".
    package var summary: String {
        guard !isOK else { return "alerting works" }
        let shown = problems.prefix(5).joined(separator: "; ")
        let more = problems.count > 5 ? "; and \(problems.count - 5) more" : ""
        return (shown + more).fitted(to: .message)
    }
}
