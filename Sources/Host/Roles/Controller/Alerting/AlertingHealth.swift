/// Whether the alert path works: decided flips get written and due notifications get their
/// first attempt. It is what `bearmon.alerting` pushes and what `/healthz` answers.
public struct AlertingHealth: Sendable, Equatable, Codable {
    /// Age of the oldest decided flip not yet written, in milliseconds, if any waits.
    public var oldestUnwrittenFlipMs: Int64?
    /// Age of the oldest due notification not yet attempted, in milliseconds, if any waits.
    public var oldestDueNotificationMs: Int64?
    /// Checks held behind a flip the store refuses.
    public var heldChecks: [Int64]
    /// What is wrong, one sentence each, naming the check or contact; empty while alerting works.
    public var problems: [String]

    /// Whether alerting works.
    public var isOK: Bool { problems.isEmpty }

    /// The first few problems as one line (with how many more there are), or "alerting works".
    public var summary: String {
        guard !isOK else { return "alerting works" }
        let shown = problems.prefix(5).joined(separator: "; ")
        let more = problems.count > 5 ? "; and \(problems.count - 5) more" : ""
        return (shown + more).fitted(to: .message)
    }
}
